# The guidance in Arabic: each rule's name (`rule-ID`) and what it means in play
# (`rule-ID-explanation`), and the rule groups (`group-ID`). Rule ids are the stable ids
# of assets/guidance.ron; the English and Hebrew files carry the same keys.
#
# Register: clear Modern Standard Arabic for a debrief screen, worded from the source
# articles' own Arabic where they have it (seeds 000-003).
# Address: rule names are short imperatives and the explanations speak to the trainee in
# the masculine generic, as Arabic training material (and the seeds) do; wherever a
# sentence reads as well without a second-person verb it is phrased impersonally. The
# customer is «العميل» throughout. Quoted phrases are in «».

group-listening = الإصغاء والتوقيت
group-voice = الصوت وضبط النفس
group-empathy = التعاطف والفهم
group-ownership = تحمّل المسؤولية والصدق
group-resolution = حلّ المشكلة

rule-let_them_vent = لا تقاطع العميل
rule-let_them_vent-explanation = دع العميل يُكمل كلامه، سواء كان يُفرغ غضبه أو يشرح مشكلته. مقاطعته في ذروة غضبه تزيد الموقف اشتعالاً، تماماً كإلقاء البنزين على النار، والكلام فوق شرحه يقول له إنك لا تسمعه. تحلَّ بالصبر واستمع، وانتظر الوقفة.

rule-answer_in_the_pause = تكلّم عند الوقفة
rule-answer_in_the_pause-explanation = الوقفة التي تلي انفعال العميل هي إشارتك الذهبية للكلام؛ فيها تصل الرسالة القصيرة الهادئة إلى العميل.

rule-no_dead_air = لا تترك العميل ينتظر
rule-no_dead_air-explanation = الردّ البطيء أو الصمت الطويل أو الانتظار الطويل على الخط يحوّل عدم الرضا إلى غضب، ويُشعر العميل بأن وقته غير مهم.

rule-lower_your_voice = اخفض صوتك
rule-lower_your_voice-explanation = إذا رفع العميل صوته أو أساء في كلامه، فردّ عليه بلطف وبصوت هادئ للغاية. الردّ على الصراخ بالصراخ يحوّل المكالمة إلى معركة كلامية على جذب الانتباه؛ أما الصوت الهادئ المنخفض فيضطر العميل في النهاية إلى خفض صوته كي يسمع ما تقوله.

rule-stay_composed = استمع إلى الانفعال دون انفعال
rule-stay_composed-explanation = غضب العميل موجَّه إلى الموقف لا إليك شخصياً، حتى لو بدا كلامه شخصياً. لا تردّ بانفعال.

rule-respect = لباقة بلا تعالٍ
rule-respect-explanation = حافظ على الودّ والأدب حتى تحت الضغط، ولا تخاطب العميل بتعالٍ أو فوقية: لا «اهدأ» ولا «كما قلت لك سابقاً».

rule-acknowledge_feelings = اعترف بحق العميل في الغضب
rule-acknowledge_feelings-explanation = سلِّم بأن من حق العميل أن يغضب، حتى قبل أن تعرف تفاصيل المشكلة، وصرِّح له بذلك.

rule-make_them_heard = دع العميل يشعر أنه مسموع
rule-make_them_heard-explanation = أظهر للعميل أن مشكلته تهمّك وأنك أخذت الوقت الكافي لفهمها: أعِد صياغتها بكلماتك واسأله عمّا يحتاجه.

rule-paraphrase = كرّر وتأكّد
rule-paraphrase-explanation = كرّر النقاط الرئيسية بصوت هادئ وثابت، واطلب من العميل أن يؤكد أنك فهمته بشكل صحيح.

rule-clarify_the_goal = اعرف ما يريده العميل
rule-clarify_the_goal-explanation = اطرح الأسئلة حتى تعرف بالضبط النتيجة التي يريدها العميل؛ فوراء الشكوى المبهمة رغبة محددة.

rule-customer_first = العميل أولاً، والمشكلة ثانياً
rule-customer_first-explanation = عالج الجانب العاطفي قبل أن تنتقل إلى المشكلة الفنية؛ فحلّ الجانب الفني وحده لا يجعل العميل راضياً.

rule-take_ownership = تحمّل المسؤولية
rule-take_ownership-explanation = لا يهم من تسبّب في المشكلة: أخبر العميل أنك ستتولى الأمر بنفسك. ولا تقل أبداً «هذا ليس من اختصاص قسمي» أو «أنا مجرد ناقل للرسائل» أو «عليك أن تتصل بجهة أخرى».

rule-apologize = اعتذر باسم الشركة
rule-apologize-explanation = اعتذر نيابةً عنك ونيابةً عن الشركة أياً كان المخطئ. إذا كانت الشكوى مبرَّرة فابدأ بالاعتذار، وإن لم تكن متأكداً فابدأ بالشكر.

rule-no_excuses = لا أعذار
rule-no_excuses-explanation = العذر يُبعد اللوم ويطلب من العميل أن يتقبّله («عندنا ضغط شغل»، «النظام هو اللي عمل كده»)، وهذا يزعجه. أما الشرح فشيء آخر: تحمّل ما حدث، واشرح سببه بكلمات بسيطة، وقل ما الذي تفعله لإصلاحه.

rule-be_transparent = كن شفافاً
rule-be_transparent-explanation = لا تُخفِ المعلومات ولا تقدّم معلومات مغلوطة للخروج من الموقف؛ اعترف بالتقصير، وأطلع العميل على المستجدات بانتظام.

rule-plain_language = تكلّم بلغة بسيطة
rule-plain_language-explanation = تجنّب المصطلحات المهنية وعبارات مثل «يجب عليك» و«لازم»، فهي تزيد من توتر العميل.

rule-real_solution = قدّم حلاً حقيقياً
rule-real_solution-explanation = عالج المشكلة من جذورها لهذا العميل بالذات، لا بحلّ مؤقت أو ردّ عام؛ وكلما أمكن، أعطِ العميل أكثر مما طلب (خصماً، أو إعادة إرسال، أو لفتة طيبة).

rule-set_a_deadline = حدّد موعداً
rule-set_a_deadline-explanation = إذا تعذّر الحل فوراً، فحدّد للعميل موعداً محدداً للرد، ووضّح كم من الوقت تستغرق دراسة المشكلة.

rule-never_hang_up = لا تُغلق الخط في وجه العميل
rule-never_hang_up-explanation = لا تُنهِ المكالمة لأن العميل يتصرف بوقاحة. وإذا تعذّر الوصول إلى اتفاق، فأوقف المحادثة واعرض على العميل تاريخاً ووقتاً لمكالمة أخرى.

rule-polite_firmness = العميل ليس دائماً على حق
rule-polite_firmness-explanation = إذا تبيّن أن الخطأ من العميل، فقل له ذلك بلباقة، ووضّح له الموقف، ونقِّ الأجواء؛ ولا توافق على كل شيء لمجرد إنهاء المكالمة.

rule-supervisor_request = أحسِن التعامل مع طلب المشرف
rule-supervisor_request-explanation = حاول أن تكسب ثقة العميل وأن تساعده بنفسك، لكن لا ترفض أبداً طلبه التحدث إلى المشرف ولا تماطل فيه.

rule-thank_them = اشكر العميل على إبلاغك
rule-thank_them-explanation = اشكر العميل على لفت انتباه الشركة إلى المشكلة؛ فذلك يساعدها على تحسين خدماتها.

rule-follow_up = تابِع العميل
rule-follow_up-explanation = أخبر العميل أنك ستعود إليه لاحقاً (بمكالمة أو رسالة) للاطمئنان، واطلب منه تقييم الخدمة.

rule-greeting = تحية قصيرة وواضحة
rule-greeting-explanation = اسم الشركة، ثم اسمك، ثم «كيف يمكنني أن أساعدك؟». التحية المطوّلة المحفوظة تبدو وكأنها صادرة من جهاز رد آلي، وتضايق المتصل.
