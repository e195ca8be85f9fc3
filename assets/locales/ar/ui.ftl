# The game's own words: buttons, headings, hints, statuses. Same ids in every language.
# Key names in hints (Esc, Enter, Tab, 1-4, S/E/F, P, R, N) are written as the keys are labelled.
# Terms, one per idea, the same in engine.ftl, guidance.ftl and report.ftl (docs/glossary.md):
# the pause after an outburst, the cue to answer = «الوقفة» / «وقفة» (in a chat, the pause in
# the typing), never «التوقّف» / «توقّف», which reads as the order "Stop!"; the game's own P
# pause that stops the clock = «الإيقاف المؤقت» («إيقاف مؤقت», «يوقف ... مؤقتًا»); dead air =
# «صمت طويل» («الصمت الطويل», on the phone «صمت طويل على الخط»), never «صمت ميت»; a rule
# followed / broken = «مُتّبعة» / «مُخالَفة» («اتُّبعت» / «خُولفت», «يتّبع» / «يخالف»), never
# «خُرقت» or «التزمت»; an answer = «الردّ» (the verb too: «ردّ»), never «الإجابة» or «أجب»;
# interrupting = «مقاطعة»; voice (phone) = «الصوت», tone (chat) = «الأسلوب», never «نبرة»;
# soft voice = «هادئ» / «بهدوء», warm / curt tone = «ودود» / «جاف»; slow = «ببطء» («البطء»),
# late = «متأخرًا» («التأخّر»); slip = «زلّة»; score = «الدرجة» (pass mark «درجة النجاح»; the
# debrief's outcome part is «النتيجة», the letter grade «التقدير»); a call left before its
# end = «مغادرة قبل النهاية»; supervisor = «المشرف»; a prepared handover = «سُلّمت المكالمة
# إلى المشرف مع ملخّص جاهز» (an unprepared one is «صُعّدت»). Messages worded for these terms
# address the trainee without a gendered verb: a verbal noun («الردّ بـ 1-4»), the passive,
# or an unvowelled «ـك», which reads for either gender.
app-title = أبقِ الخط مفتوحًا

## Shared words.
back-to-list = العودة إلى القائمة  (Esc)
channel-phone = هاتف
channel-chat = دردشة
channel-front-desk = مكتب الاستقبال
# Between the items of a list of rule names.
list-separator = {"؛ "}
customer-fallback = العميل

## Title screen.
title-tagline = تدرّب على مكالمات مع عملاء غاضبين. أنصت، واخفض صوتك، وتحمّل مسؤولية المشكلة.
title-name-label = اسمك
title-sign-in = تسجيل الدخول  (Enter)
title-one-profile = ملف واحد لكل اسم: يُحفظ تقدّمك باسمك.
title-continue-as = المتابعة باسم { $name }
title-more-profiles = { $count ->
    [one] يوجد ملف محفوظ آخر: اكتب الاسم أعلاه لمتابعته.
    [two] يوجد ملفان محفوظان آخران: اكتب الاسم أعلاه لمتابعة أحدهما.
    [few] توجد { $count } ملفات محفوظة أخرى: اكتب الاسم أعلاه لمتابعة أحدها.
    [many] يوجد { $count } ملفًا محفوظًا آخر: اكتب الاسم أعلاه لمتابعة أحدها.
   *[other] يوجد { $count } ملفّ محفوظ آخر: اكتب الاسم أعلاه لمتابعة أحدها.
}
title-guest = التدرّب كضيف
title-quit = خروج
title-saved-in = يُحفظ التقدّم في المجلّد
title-name-first = اكتب اسمك أولًا، ثم اضغط Enter.
title-open-failed = تعذّر فتح ملف تقدّم { $name }: { $error }

## Notices on the case list.
notice-recovered = تلف ملف تقدّمك، فاستُعيد من آخر نسخة سليمة. قد يكون ما أنجزته في جلستك الأخيرة مفقودًا. الملف التالف محفوظ في { $path }.
notice-save-failed = تعذّر حفظ تقدّمك: { $error }

## Case list.
select-title = اختر حالة
select-signed-in = تم تسجيل الدخول باسم { $name }
select-guest = التدرّب كضيف: لن يُحفظ شيء
select-sign-out = تسجيل الخروج  (Esc)
select-keys = { $rule }  المفاتيح: 1-4 لتبديل المستوى، والأسهم أو Tab للتنقّل، وEnter للفتح.
select-more-below = حالات أخرى في الأسفل: مرّر، أو اضغط Page Down
select-no-cases = لا توجد حالات في هذا المستوى بعد.
tab-open = المستوى { $tier }  (اجتياز { $passed }/{ $cases })
tab-locked = المستوى { $tier }  (مقفل)
case-passed = تم الاجتياز. أفضل درجة { $score } ({ $grade })، { $attempts ->
    [zero] بلا محاولات
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $attempts } محاولات
   *[other] { $attempts } محاولة
}
case-not-passed = لم يتم الاجتياز بعد. أفضل درجة { $score }، { $attempts ->
    [zero] بلا محاولات
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $attempts } محاولات
   *[other] { $attempts } محاولة
}
case-new = جديدة. درجة النجاح { $mark }
case-summary = { $channel } · { $summary }
broken-title = تعذّر تحميل { $file } ({ $errors ->
    [one] خطأ واحد
    [two] خطآن
    [few] { $errors } أخطاء
    [many] { $errors } خطأً
   *[other] { $errors } خطأ
})
broken-detail = { $summary } شغّل `hold-the-line check` لمعرفة التفاصيل.
broken-detail-kept = { $summary } آخر نسخة سليمة لا تزال قابلة للعب. شغّل `hold-the-line check` لمعرفة التفاصيل.

## Brief.
brief-heading = المستوى { $tier } · { $channel } · درجة النجاح { $mark }
brief-customer = { $gender ->
    [female] العميلة: { $name }
   *[other] العميل: { $name }
}
brief-how-to-play = طريقة اللعب
brief-rules-phone = تظهر كلمات العميل أثناء نطقه بها. يكون الردّ بمفاتيح الأرقام 1-4 أو بنقرة. الردّ وهو لا يزال يصرخ مقاطعة له؛ أما الوقفة بعد انفعاله فهي إشارتك للكلام. قبل الردّ يُختار الصوت: S (هادئ)، E (متّزن)، F (حازم). ولا يُترك العميل في صمت طويل. يوقف P المكالمة إيقافًا مؤقتًا إذا طرأ أمر خارج اللعبة (الإيقاف المؤقت لا يُحسب صمتًا طويلًا).
brief-rules-chat = تظهر رسائل العميل أثناء كتابته لها. يكون الردّ بمفاتيح الأرقام 1-4 أو بنقرة. الإرسال وهو لا يزال يكتب بانفعال مقاطعة له؛ أما الوقفة حين يفرغ من الكتابة فهي إشارتك للردّ. قبل الردّ يُختار الأسلوب: S (ودود)، E (محايد)، F (جاف). ولا يُترك العميل منتظرًا. يوقف P الدردشة إيقافًا مؤقتًا إذا طرأ أمر خارج اللعبة (الإيقاف المؤقت لا يُحسب صمتًا طويلًا).
brief-start-phone = الرد على المكالمة  (Enter)
brief-start-chat = فتح الدردشة  (Enter)
brief-start-desk = خدمة العميل  (Enter)
brief-last-attempts = محاولاتك الأخيرة: { $attempts }
brief-attempt-passed = { $when }:  { $score } (ناجحة)
brief-attempt-not-passed = { $when }:  { $score } (غير ناجحة)
brief-attempt-left = { $when }: مغادرة قبل النهاية
brief-attempt-when = { $day } { $time }
brief-replies-as = { $gender ->
    [female] بطاقات ردودك بصيغة المؤنّث.
   *[other] بطاقات ردودك بصيغة المذكّر.
}
brief-switch-speaker = { $gender ->
    [female] التبديل إلى صيغة المذكّر
   *[other] التبديل إلى صيغة المؤنّث
}
brief-more-time-off = وقت الردّ: كما تحدّده الحالة.
brief-more-time-on = وقت إضافي للردّ: ×{ $factor } للوقفة وقبل الصمت الطويل (يظهر للمدرّب).
brief-more-time-switch = وقت إضافي (T)
brief-lines = { $at-once ->
    [yes] تظهر جمل العميل كاملة ودون اهتزاز.
   *[no] تظهر جمل العميل كلمة كلمة.
}
brief-lines-switch = { $at-once ->
    [yes] عرض الجمل كلمةً كلمةً (W)
   *[no] عرض الجمل كاملةً (W)
}
brief-text-size = حجم النص: { $percent }% (يمكن تغييره في أي شاشة بـ Ctrl مع + أو -).
brief-text-size-switch = حجم النص (Z)

## Call screen.
call-subtitle = { $title } · { $channel }
call-incoming-phone = مكالمة واردة: { $name }
call-incoming-chat = دردشة جديدة من { $name }
call-incoming-desk = { $gender ->
    [female] تتقدّم
   *[other] يتقدّم
} { $name } إلى المكتب
call-pause = إيقاف مؤقت  (P)
call-paused = إيقاف مؤقت: الساعة موقوفة.
call-resume = استئناف  (P)
call-leave = مغادرة المكالمة  (L)
call-leave-note = المغادرة تعيدك إلى قائمة الحالات، وتُحفظ المكالمة على أنها مغادرة قبل النهاية، لا على أنها محاولة فاشلة.
call-ended = انتهت المكالمة: { $kind }. { $text }
chat-ended = انتهت الدردشة: { $kind }. { $text }
line-cut-off = { $name } ({ $gender ->
    [female] بعد مقاطعتها
   *[other] بعد مقاطعته
})
line-was-cut = { $name } (قُطع الكلام هنا)
line-after-silence = { $name } (بعد صمتك)
line-into-silence = { $name } (في وسط الصمت)
line-shouting-in-chat = { $name } (بانفعال شديد)
line-shouting = { $name } (صراخًا)
line-heated = { $name } (بانفعال)
line-voice-raised = { $name } (بصوت مرتفع)
you-typing-over = أنت، بأسلوب { $voice }، { $gender ->
    [female] أثناء كتابتها
   *[other] أثناء كتابته
}
you-interrupting = أنت، بصوت { $voice }، مع مقاطعة
you-tone = أنت، بأسلوب { $voice }
you-voice = أنت، بصوت { $voice }
status-venting-cue = { $gender ->
    [female] { $name } تفرّغ غضبها. دعها تُكمل.
   *[other] { $name } يفرّغ غضبه. دعه يُكمل.
}
status-venting = { $gender ->
    [female] { $name } تفرّغ غضبها.
   *[other] { $name } يفرّغ غضبه.
}
status-typing = { $gender ->
    [female] { $name } تكتب
   *[other] { $name } يكتب
}
status-talking = { $gender ->
    [female] { $name } تتكلّم
   *[other] { $name } يتكلّم
}
status-paused = إيقاف مؤقت
status-cue-chat = وقفة في الكتابة: دورك
status-cue = وقفة: دورك في الكلام
status-your-turn = دورك
status-silence = فاتتك الوقفة: الردّ الآن · صمت { $seconds } ث
status-you-typing = أنت تكتب
status-you-speaking = أنت تتكلّم
status-chat-over = انتهت الدردشة
status-call-over = انتهت المكالمة
voice-title = الصوت:
tone-title = الأسلوب:
voice-button = { $voice }  ({ $key })
voice-soft = هادئ
voice-even = متّزن
voice-firm = حازم
tone-warm = ودود
tone-neutral = محايد
tone-curt = جاف
hint-chat = الردّ بـ 1-4 بعد أن يفرغ العميل من الكتابة، وبأسلوب ودود على الرسائل الغاضبة.
hint-phone = الردّ بـ 1-4 عند الوقفة، وبصوت هادئ إذا كان العميل يصرخ.
hint-short = الردّ بـ 1-4.
meter-anger = الغضب
meter-trust = الثقة
meter-patience = الصبر
meters-why = سبب تغيّرها
meter-change = { $delta } { $meter }
meter-moved = { $changes }: { $reason }

## Debrief.
debrief-passed = ناجح
debrief-not-passed = غير ناجح
debrief-verdict = { $verdict } · { $title }
debrief-grade = التقدير { $grade }
debrief-unfinished = غير مكتملة
debrief-outcome = { $kind }: { $text }
debrief-more-time = كان الوقت الإضافي للردّ مفعّلًا (×{ $factor }): طالت مهلة الوقفة والمدة المسموح بها قبل الصمت الطويل، وقُيّم سائر الأداء كالمعتاد.
debrief-pass-mark = درجة النجاح { $mark }.
debrief-parts = النتيجة { $outcome }/{ $outcome-of } · السلوك { $conduct }/{ $conduct-of } · مزاج العميل { $mood }/{ $mood-of }.
debrief-saved = حُفظت في تقدّمك.
debrief-guest = جلسة ضيف: لم تُحفظ.
debrief-save-failed = تعذّر حفظ هذه المحاولة: { $error }
debrief-tier-open = حالات جديدة متاحة: المستوى { $tier } مفتوح الآن.
debrief-retry = إعادة المحاولة  (R)
debrief-next = الحالة التالية  (N)
scroll-hint = التمرير بعجلة الفأرة أو بمفاتيح الأسهم.
checklist-title = الإرشادات خلال المكالمة
mark-followed = مُتّبعة
mark-broken = مُخالَفة
mark-mixed = مختلطة
checklist-at = عند { $time }: { $what }
checklist-you-said = قلت «{ $reply }»
chart-title = الغضب والثقة خلال المكالمة
chart-legend = الأحمر: الغضب، مع خط باهت حيث يستسلم العميل. الأزرق: الثقة. العلامات في الأسفل: قاعدة مُخالَفة (بالأحمر) أو مُتّبعة (بالأخضر).
transcript-title = المكالمة سطرًا سطرًا
transcript-customer = { $time }  { $name }: { $text }
transcript-you = { $time }  أنت ({ $voice }، { $timing }): { $text }
transcript-voice = بصوت { $voice }
transcript-tone = بأسلوب { $voice }
transcript-ended = انتهت: { $kind }. { $text }
better-title = ردّ أفضل هنا:
better-quote = «{ $text }»
better-why = السبب: { $why }.
better-avoids = لا يخالف: { $rules }
better-follows = يتّبع: { $rules }
broken-at = السطر { $line }، العمود { $column }: { $problem }

## The call's first-time guide and the cards' waiting line
cards-listen = استمع: تظهر بطاقات ردّك وهو يتكلّم.
onboard-title = مكالمتك الأولى: كيف تعمل هذه الشاشة
onboard-talk = يظهر كلام العميل في المحادثة، وبجانبها يتحرّك غضبه وثقته وصبره.
onboard-cards = تظهر بطاقات ردّك في الأسفل وهو يتكلّم: اقرأها بينما يتكلّم.
onboard-cue = الإشارة: يصبح السطر في الأعلى أخضر («وقفة: دورك في الكلام») ويبدأ شريط بالنفاد. يكون الردّ بـ 1-4 قبل أن يفرغ. الكلام قبل ذلك مقاطعة، وبعد نفاد الشريط تفوتك الوقفة ويُحسب الردّ متأخرًا (ويظهر ذلك في السطر العلوي)، وما طال بعد ذلك صمت طويل.
onboard-voice = اختيار الصوت: S هادئ، E متّزن، F حازم. العميل الصارخ يحتاج صوتًا هادئًا.
onboard-pause = P أو Esc للإيقاف المؤقت، ومنه يمكن مغادرة المكالمة.
onboard-start = ابدأ المكالمة  (Enter)

## Both saved files damaged
title-damaged = تعذّرت قراءة التقدّم المحفوظ لـ { $name }: الملف ونسخته الاحتياطية تالفان كلاهما. لم يُغيَّر أو يُحذف أي شيء. يمكنك البدء من جديد بالاسم نفسه، وتُحفظ الملفات التالفة جانبًا ليطّلع عليها المدرّب.
title-start-afresh = ابدأ من جديد بهذا الاسم
notice-started-afresh = بدأ ملف تقدّم جديد. الملفات التالفة محفوظة في: { $paths }

## The debrief: how to say the right words, and where a line was cut
better-title-same = الكلمات صحيحة، لكن بطريقة أخرى:
better-same = الكلمات نفسها، { $how }.
better-said-how = وتُقال { $how }.
how-in-the-pause = عند الوقفة
how-softly = بهدوء
how-warmly = بودّ
how-pause-and-softly = عند الوقفة، بهدوء
how-pause-and-warmly = عند الوقفة، بودّ
transcript-cut = { $heard }— [قاطعته هنا؛ لم يُسمع: { $rest }]
notice-lrs-problem = نتائجك محفوظة هنا، لكن تعذّر تجهيزها للإرسال إلى نظام التدريب في شركتك: { $error }. أخبر مدرّبك.

## My progress
select-progress = تقدّمي  (M)
progress-title = تقدّمي
progress-back = العودة إلى القائمة  (Esc)
progress-rules = { $count ->
    [one] قواعدك في مكالمتك الأخيرة
    [two] قواعدك في آخر مكالمتين
    [few] قواعدك في آخر { $count } مكالمات
   *[other] قواعدك في آخر { $count } مكالمة
}
progress-rule-counts = مُتّبعة { $followed } · مُخالَفة { $broken }
progress-weakest = { $rule } (أكثر قاعدة مُخالَفة في مكالماتك)
progress-cases = حالاتك
progress-case-line = { $title }: أفضل درجة { $score } · المحاولات { $attempts } · { $state }
progress-case-left = { $title }: مغادرة قبل النهاية { $left ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $left } مرات
   *[other] { $left } مرة
} · لم تكتمل بعد
progress-passed = ناجحة
progress-not-passed = لم تنجح بعد
progress-next = تدرّب على التالي
progress-next-why = { $title }: حالة للتدرّب على «{ $rule }»، أكثر قاعدة مُخالَفة في مكالماتك الأخيرة.
progress-next-open = افتح هذه الحالة  (Enter)
progress-empty = العب حالة لترى تقدّمك هنا.
progress-no-next = لا شيء للتدرّب عليه، إذ لا قاعدة مُخالَفة في مكالماتك الأخيرة.

## Shift mode: a run of calls against a clock.
select-shift = بدء وردية  (S)
shift-clock = { $clock } · المكالمة { $calls }
shift-queue = قائمة الانتظار
shift-waiting = { $count ->
    [0] لا أحد في الانتظار
    [one] متصل واحد في الانتظار
    [two] متصلان في الانتظار
    [few] { $count } متصلين في الانتظار
    [many] { $count } متصلًا في الانتظار
   *[other] { $count } متصل في الانتظار
}
shift-longest-wait = أطول انتظار: { $wait }
shift-tasks = اتصالاتك الموعودة
shift-no-tasks = لا يوجد اتصال موعود.
shift-task = اتصال بخصوص «{ $title }» الساعة { $due }
shift-calls = مكالماتك
shift-no-calls = لا مكالمات بعد.
shift-call-row = { $clock }  { $title }: { $score }، { $result }
shift-passed = ناجحة
shift-not-passed = غير ناجحة
shift-kind-follow-up = اتصالك الموعود
shift-kind-call-back = اتصال متكرر
shift-strain = مستوى الضغط عليك: { $strain } من 100
shift-strain-hint = المتصلون الغاضبون يرفعونه، والاستراحة تخفّضه، لكن المتصلين يبقون في قائمة الانتظار.
shift-answer = الرد على المتصل التالي  (Enter)
shift-call-back = الاتصال الآن  (Enter)
shift-break-due = حان وقت الاستراحة  (Enter)
shift-wait = انتظار المتصل التالي  (Enter)
shift-results = نتيجة الوردية  (Enter)
shift-take-break = استراحة قصيرة  (B)
shift-leave = مغادرة الوردية  (Esc)
acw-title = ما بعد المكالمة
acw-heading = «{ $title }»، { $clock }
acw-ending = كيف انتهت المكالمة؟
acw-promise = هل من وعد باتصال؟ ومتى؟
acw-no-promise = لا يوجد وعد
acw-at = الساعة { $clock }
acw-save = حفظ والعودة إلى قائمة الانتظار  (Enter)
acw-skip = تخطّي هذه الخطوة  (Esc)
acw-hint = الوقت الذي يُقضى هنا يُحتسب ضمن مدة المعالجة. الاتصال الموعود الذي لا يُسجَّل هنا لن يظهر في قائمة الانتظار.
shift-result-title = نتيجة الوردية
shift-result-passed = تم اجتياز الوردية
shift-result-not-passed = لم يتم اجتياز الوردية
shift-result-handled = المكالمات: { $handled } (الناجحة { $passed })
shift-result-handle-time = متوسط مدة المعالجة (المكالمة وما بعدها): { $time }
shift-result-fcr = الحل من أول اتصال: { $share } (اتصالات متكررة: { $repeats })
shift-result-promises = الاتصالات الموعودة في وقتها: { $kept } من { $made }
shift-result-service = الرد خلال { $seconds ->
    [few] { $seconds } ثوانٍ
   *[other] { $seconds } ثانية
}: { $share } (أطول انتظار: { $wait })
shift-result-abandoned = أغلقوا الخط أثناء الانتظار: { $count }
shift-result-strain = أعلى مستوى للضغط: { $peak }؛ مكالمات صعبة: { $hard }؛ استراحات: { $breaks }
shift-result-chart = الدرجة (العمود العريض) ومستوى الضغط بعدها (العمود الرفيع)، مكالمة بعد مكالمة
shift-result-composure = متوسط درجتك بعد مكالمة صعبة: { $after }، وفي سائر المكالمات: { $others }.
shift-result-composure-dropped = تراجع أداؤك بعد المكالمات الصعبة: يُستحسن أخذ نفس عميق (أو استراحة) قبل المكالمة التالية.
shift-result-rule = القاعدة الأكثر مخالفة: { $rule } ({ $times })
shift-result-why = ما يحتاج إلى تحسين
shift-shortfall-calls = نجحت { $share } من مكالماتك، والمطلوب { $needed }.
shift-shortfall-promises = تمّت { $share } من الاتصالات الموعودة في وقتها، والمطلوب { $needed }.
shift-shortfall-service = تمّ الرد على { $share } من المتصلين في الوقت المحدد، والمطلوب { $needed }.
shift-shortfall-fcr = { $share } من المكالمات الأولى لم تحتج إلى اتصال آخر، والمطلوب { $needed }.
shift-shortfall-none = لم تُعالَج أي مكالمة.
shift-result-back = العودة إلى الحالات  (Enter)
progress-shifts = وردياتك الأخيرة: { $shifts }
progress-shift = { $title }، { $day }: { $result } (المكالمات: { $calls })
