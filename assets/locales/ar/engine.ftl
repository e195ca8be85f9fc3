# What the engine reports, in words: verdict notes, why a meter moved, why a call did not
# pass, why a case is locked, how a call ended and when a reply came. The engine returns
# typed values; these messages word them.
#
# Register: plain Modern Standard Arabic for a debrief screen.
# Address (gender-neutral, used consistently): notes and reasons never use a gendered
# second-person verb. What the trainee did is named with a verbal noun (masdar), e.g.
# «مقاطعة العميل وهو يُفرغ غضبه» ("cutting in while the customer vents"), and results are
# in the passive («خُرقت», «حُلّت»). Possessive «ـك» is left unvowelled, so it reads for
# either gender. The customer is «العميل».
# Numbers: CLDR Arabic plural categories (zero, one, two, few = 3-10, many = 11-99,
# other = 100-102 and fractions); one and two use the singular / dual noun without a digit.
# Terms: case = «حالة», tier = «مستوى», supervisor = «المشرف», core rule = «قاعدة أساسية»,
# slip = «زلّة», forgiven = «تُغتفر»; and the same words as ui.ftl (docs/glossary.md): the pause
# after an outburst = «الوقفة» (never «التوقّف», which reads as "Stop!"); dead air = «صمت طويل»
# («الصمت الطويل», «صمت طويل على الخط»); a rule followed / broken = «مُتّبعة» / «مُخالَفة»
# (verbs «اتُّبعت» / «خُولفت», noun «مخالفة»), never «خُرقت»; an answer = «الردّ»; interrupting =
# «مقاطعة»; voice (phone) = «الصوت», tone (chat) = «الأسلوب», never «نبرة»; slow = «ببطء»
# («البطء»), late = «متأخرًا» («التأخّر»); score = «الدرجة» (pass mark «درجة النجاح»); a
# prepared handover = «سُلّمت المكالمة إلى المشرف مع ملخّص جاهز», an unprepared one «صُعّدت»;
# angry chat messages = «رسائل العميل الغاضبة».

## Verdict notes: what the trainee did at a moment the rules judge.
note-cut-in = مقاطعة العميل وهو يُفرغ غضبه
note-let-them-finish = ترك العميل يُكمل كلامه
note-spoke-in-pause = الكلام عند الوقفة
note-missed-pause = تفويت الوقفة التي تلت انفعال العميل
note-answered-promptly = الردّ دون تأخير
note-slow-answer = الردّ ببطء
note-talked-over = الكلام فوق كلام العميل قبل أن يُنهي حديثه
note-answered-softly = الردّ على صراخ العميل بصوت هادئ
note-raised-voice = رفع الصوت في وجه العميل
note-silence = ترك العميل في صمت طويل لمدة { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
# A reply's words followed or broke a rule: the rule's name says what.
note-followed = { $rule }
note-broke = مخالفة قاعدة «{ $rule }»

## Why a meter moved, when no rule's verdict says it.
reason-soft-voice-drift = صوتك الهادئ يهدّئ العميل تدريجياً
reason-raised-voice-drift = العميل يرفع صوته مجاراةً لصوتك المرتفع
reason-what-you-said = مضمون الردّ
reason-waited = انتظار على الخط لمدة { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} قبل الردّ
reason-promise-missed = الاتصال الموعود في المكالمة السابقة لم يتمّ
reason-called-again = المشكلة لم تُحلّ في المكالمة السابقة
reason-called-back-as-promised = معاودة الاتصال في الموعد المتّفق عليه

## In a chat the voice is a tone: the same verdicts, worded for typing.
note-answered-softly-chat = الردّ على رسائل العميل الغاضبة بأسلوب ودود
note-raised-voice-chat = الردّ على رسائل العميل الغاضبة بأسلوب جاف
reason-soft-voice-drift-chat = أسلوبك الودود يهدّئ العميل
reason-raised-voice-drift-chat = العميل يجاري أسلوبك الجاف

## Why a finished call did not pass.
not-passed-lesson = هذه الحالة تدور حول قاعدة «{ $rule }»، وقد خُولفت: مهما كانت النهاية، لا تُحتسب المكالمة ناجحة.
not-passed-not-settled = لا تُحتسب المكالمة ناجحة إلا إذا حُلّت المشكلة، أو اتُّفق على موعد لمعاودة الاتصال، أو سُلّمت المكالمة إلى المشرف مع ملخّص جاهز بعد محاولة مساعدة العميل.
not-passed-core-rule = خُولفت القاعدة الأساسية «{ $rule }» { $times ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $times } مرات
   *[other] { $times } مرة
}. { $forgiven ->
    [0] في المستوى { $tier } لا تُغتفر أيّ زلّة في القواعد الأساسية.
    [one] في المستوى { $tier } تُغتفر زلّة واحدة في القواعد الأساسية الأربع مجتمعةً، والزلّة الثانية تُسقط المكالمة.
    [two] في المستوى { $tier } تُغتفر زلّتان في القواعد الأساسية الأربع مجتمعةً، لا أكثر.
    [few] في المستوى { $tier } تُغتفر { $forgiven } زلّات في القواعد الأساسية الأربع مجتمعةً، لا أكثر.
   *[other] في المستوى { $tier } تُغتفر { $forgiven } زلّة في القواعد الأساسية الأربع مجتمعةً، لا أكثر.
}
not-passed-core-rules = خُولفت أكثر من قاعدة أساسية: { $rules }. { $forgiven ->
    [0] في المستوى { $tier } لا تُغتفر أيّ زلّة في القواعد الأساسية.
    [one] في المستوى { $tier } تُغتفر زلّة واحدة، والمكالمة التي فيها زلّتان لا تُحتسب ناجحة.
    [two] في المستوى { $tier } تُغتفر زلّتان، لا أكثر.
    [few] في المستوى { $tier } تُغتفر { $forgiven } زلّات، لا أكثر.
   *[other] في المستوى { $tier } تُغتفر { $forgiven } زلّة، لا أكثر.
}
not-passed-timing = زلّات في التوقيت: ردّ متأخر أو صمت طويل { $times ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $times } مرات
   *[other] { $times } مرة
} (التأخّر بعد انفعال العميل، والبطء بعد كلامه الهادئ، والصمت الطويل تُحسب معاً). { $forgiven ->
    [0] في المستوى { $tier } تُحسب كل زلّة منها، فلا تُحتسب المكالمة ناجحة.
    [one] في المستوى { $tier } تُغتفر زلّة واحدة، وما زاد عليها يُعدّ عادةً لا زلّة، فلا تُحتسب المكالمة ناجحة.
    [two] في المستوى { $tier } تُغتفر زلّتان، وما زاد عليهما يُعدّ عادةً، فلا تُحتسب المكالمة ناجحة.
    [few] في المستوى { $tier } تُغتفر { $forgiven } زلّات، وما زاد عليها يُعدّ عادةً، فلا تُحتسب المكالمة ناجحة.
   *[other] في المستوى { $tier } تُغتفر { $forgiven } زلّة، وما زاد عليها يُعدّ عادةً، فلا تُحتسب المكالمة ناجحة.
}
not-passed-below-mark = الدرجة { $total } أقل من درجة النجاح ({ $mark }).

## Why a case is locked, and the tier rule.
lock-tier = يلزم اجتياز { $more ->
    [zero] { $more } حالة أخرى
    [one] حالة واحدة أخرى
    [two] حالتين أخريين
    [few] { $more } حالات أخرى
    [many] { $more } حالة أخرى
   *[other] { $more } حالة أخرى
} من المستوى { $below } لفتح المستوى { $tier }.
lock-requires = يلزم أولاً اجتياز: { $cases }
tier-rule = اجتياز { $passes ->
    [zero] { $passes } حالة
    [one] حالة واحدة
    [two] حالتين
    [few] { $passes } حالات
    [many] { $passes } حالة
   *[other] { $passes } حالة
} من أي مستوى، بأي لغة، يفتح المستوى الذي يليه.

## How a call ended.
ending-resolved = حُلّت المشكلة
ending-call-back = حُدّد موعد لمعاودة الاتصال
ending-handover = سُلّمت المكالمة إلى المشرف مع ملخّص جاهز
ending-supervisor = صُعّدت المكالمة إلى المشرف
ending-hung-up = أغلق العميل الخط
ending-unresolved = لم تُحلّ المشكلة

## When a reply came.
timing-interrupting = مقاطعة
timing-in-the-pause = عند الوقفة
timing-prompt = دون تأخير
timing-slow = ببطء
timing-late = متأخراً، بعد صمت طويل على الخط

## What a customer says when the scenario wrote nothing: cut off mid-sentence, and into a
## silence (growing louder with each one), on the phone or at the desk and in a chat.
## The line itself is the fallback for a case that names no `dialect`: plain, light Modern
## Standard Arabic, no dialect words. Each attribute words the line for one market, chosen
## by the case's `dialect` ("ar-EG" → .eg): .eg Cairo, .jo Amman, .lb Beirut, .sa Riyadh and
## Jeddah (words Najdi and Hijazi share). No line addresses the agent as a man or a woman:
## the trainee may be either, so the customer speaks to "you" in the plural, as people do
## to a company's staff («سيبوني أكمّل», «خلّوني أكمّل»), or to nobody in particular.
stock-retort-1 = لحظة! لم أنتهِ من كلامي!
    .eg = استنوا! أنا لسه ماخلّصتش كلامي!
    .jo = لحظة! لسّا ما خلّصت حكيي!
    .lb = لحظة! بعد ما خلّصت!
    .sa = لحظة! ما خلّصت كلامي!
stock-retort-2 = اسمحوا لي أن أُكمل!
    .eg = سيبوني أكمّل!
    .jo = خلّوني أكمّل!
    .lb = خلّوني كفّي!
    .sa = خلّوني أكمّل!
stock-retort-3 = من فضلكم، دعوني أُكمل كلامي!
    .eg = ممكن أكمّل كلامي لو سمحتوا؟!
    .jo = ممكن أكمّل حكيي لو سمحتوا؟!
    .lb = فيكن تخلّوني كمّل لو سمحتوا؟!
    .sa = ممكن أكمّل كلامي لو سمحتوا؟!
stock-retort-4 = ما زلت أتكلم!
    .eg = أنا لسه بتكلم!
    .jo = أنا لسّاتني بحكي!
    .lb = بعدني عم إحكي!
    .sa = أنا ما خلّصت! اسمعوني!
stock-nudge-phone-1 = ألو؟ هل من أحد على الخط؟
    .eg = ألو؟ حد معايا على الخط؟
    .jo = ألو؟ في حدا عالخط؟
    .lb = ألو؟ في حدا عالخط؟
    .sa = ألو؟ فيه أحد على الخط؟
stock-nudge-phone-2 = ألو؟! هل يسمعني أحد؟
    .eg = ألو؟! حد سامعني؟
    .jo = ألو؟! حدا سامعني؟
    .lb = ألو؟! حدا سامعني؟
    .sa = ألو؟! أحد يسمعني؟
stock-nudge-phone-3 = هل يستمع إليّ أحد أصلاً؟!
    .eg = هو في حد بيسمعني أصلاً؟!
    .jo = في حدا بيسمع اللي بحكيه أصلاً؟!
    .lb = في حدا عم يسمعني أصلاً؟!
    .sa = فيه أحد يسمعني أصلاً؟!
stock-nudge-desk-1 = عفواً؟ هل من أحد يساعدني؟
    .eg = لو سمحتوا؟ حد يشوفني؟
    .jo = لو سمحتوا؟ في حدا يساعدني؟
    .lb = لو سمحتوا؟ في حدا يساعدني؟
    .sa = لو سمحتوا؟ فيه أحد يخدمني؟
stock-nudge-desk-2 = يا جماعة؟! هل سيساعدني أحد أم لا؟
    .eg = يا جماعة؟! حد هيخلّصني ولا لأ؟
    .jo = يا جماعة؟! في حدا رح يخدمني ولا لأ؟
    .lb = يا جماعة؟! في حدا رح يخدمني ولا لأ؟
    .sa = يا جماعة؟! فيه أحد يخدمني ولا لا؟
stock-nudge-desk-3 = هل سيتولى أحد هذا الموضوع؟
    .eg = هو محدش هيحل الموضوع ده؟
    .jo = مين رح يحلّ هالموضوع هسّا؟
    .lb = ما في حدا رح يحلّلي هالقصة؟
    .sa = هالموضوع ما له أحد يحله؟
stock-nudge-chat-1 = ألو؟؟
    .eg = ألو؟؟ حد هنا؟؟
    .jo = ألو؟؟ في حدا؟؟
    .lb = ألو؟؟ في حدا؟؟
    .sa = ألو؟؟ فيه أحد؟؟
stock-nudge-chat-2 = هل من أحد هنا؟
    .eg = في حد هنا؟
    .jo = في حدا هون؟
    .lb = في حدا هون؟
    .sa = فيه أحد هنا؟
stock-nudge-chat-3 = هل يقرأ أحد ما أكتبه أصلاً؟
    .eg = هو حد بيقرا اللي بكتبه أصلاً؟
    .jo = في حدا بيقرا اللي بكتبه أصلاً؟
    .lb = في حدا عم يقرا شو عم بكتب أصلاً؟
    .sa = فيه أحد يقرا اللي أكتبه أصلاً؟
