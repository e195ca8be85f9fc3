# The trainer report (`hold-the-line report`): report.html. Same ids in every language.

report-title = أبقِ الخط مفتوحًا: تقرير المدرّب
report-summary = المكالمات: { $calls }، المتدرّبون: { $trainees }، من { $from } إلى { $to }.
report-data-folder = مجلد البيانات: { $dir }
report-filter-since = المكالمات من { $day } فصاعدًا.
report-filter-trainee = { $name } فقط.
report-no-calls = لا توجد مكالمات بعد. ستظهر هنا حين يُنهي المتدرّبون مكالماتهم.
report-csv-note = الأرقام نفسها لجداول البيانات، بجانب هذه الصفحة: { $files }.
report-none = لا شيء
report-percent = { $value }%

## The group at a glance.
report-section-grid = المجموعة في لمحة
report-grid-explain = في كل خانة: أفضل درجة / عدد المحاولات. الأخضر: اجتاز الحالة؛ الأحمر: حاول ولم يجتزها بعد. المستوى هو أعلى مستوى مفتوح للمتدرّب.
report-col-trainee = المتدرّب
report-col-tier = المستوى
report-col-calls = المكالمات
report-col-passes = الناجحة
report-cell-title = { $case }: أفضل درجة { $best }، { $attempts ->
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $attempts } محاولات
   *[other] { $attempts } محاولة
}

## Where the group struggles.
report-section-rules = أين تتعثّر المجموعة
report-rules-explain = كم مرة خُولفت كل قاعدة حين جاء موقفها، بحسب مستوى الحالة. القاعدة الأكثر مخالفةً أولًا، ومعها اللحظة التي تُخالَف فيها في الغالب.
report-col-rule = القاعدة
report-col-broken = مُخالَفة
report-col-followed = مُتّبعة
report-tier = المستوى { $tier }
report-tier-unknown = حالات غير معروفة
report-col-typical = اللحظة المعتادة
report-typical = { $what }: المقطع { $exchange } من «{ $case }» ({ $count } من { $total })
report-heat-cell = { $broken } من { $judged }

## Case by case.
report-section-cases = حالةً حالة
report-cases-explain = نسبة النجاح محسوبة من كل المكالمات. المحاولات حتى أول نجاح وأول درجة وأفضل درجة متوسطات على المتدرّبين الذين لعبوا الحالة. عند كل نقطة اختيار: كم مرة اختير كل رد؛ والرد الخاطئ الأكثر اختيارًا هو ما ينبغي تدريسه.
report-map-caption = خريطة الحالة كما لعبتها هذه المجموعة: عرض سهم كل رد بقدر نسبة المكالمات التي اختارته؛ والمسار المظلَّل هو أفضل مسار؛ والعلامة الحمراء على الرد الخاطئ الأكثر اختيارًا. عند تمرير المؤشر فوق أي سهم يظهر نص الرد وعدد مرات اختياره.
report-col-case = الحالة
report-col-trainees = المتدرّبون
report-col-pass-rate = نسبة النجاح
report-col-attempts-to-pass = المحاولات حتى أول نجاح
report-col-first-score = أول درجة
report-col-best-score = أفضل درجة
report-unknown-case = { $id } (ليست في مكتبة الحالات)
report-choice-point = نقطة الاختيار «{ $beat }»، { $count ->
    [zero] لم يُختر فيها أي رد
    [one] اختير فيها رد مرة واحدة
    [two] اختير فيها رد مرتين
    [few] اختير فيها رد { $count } مرات
   *[other] اختير فيها رد { $count } مرة
}
report-col-reply = الرد
report-col-chosen = مرات الاختيار
report-tempting = الرد الخاطئ الأكثر اختيارًا: علّموا هذا
report-breaks = يخالف: { $rules }

## Progress over time.
report-section-time = التقدّم مع الوقت
report-daily-calls = المكالمات في اليوم
report-daily-passes = الناجحة
report-tier-steps = من أول مكالمة إلى كل مستوى
report-col-opened = المتدرّبون الذين فتحوه
report-col-median-calls = وسيط عدد المكالمات
report-col-median-days = وسيط عدد الأيام

## Trainee by trainee.
report-section-trainees = متدرّبًا متدرّبًا
report-trainee-summary = المكالمات: { $calls }، الناجحة: { $passes }، المستوى: { $tier }.
report-weakest = أضعف قاعدة: { $rule }.
report-weakest-none = لم تُخالَف أي قاعدة في هذه المكالمات.
report-trainee-paused = أُوقفت المكالمات مؤقتًا { $pauses ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $pauses } مرات
   *[other] { $pauses } مرة
} بمجموع { $minutes } دقيقة (الإيقاف المؤقت يوقف الساعة ولا يُحسب صمتًا طويلًا).
report-trainee-more-time = وقت إضافي للردّ (ترتيب تيسيري) في { $calls ->
    [one] مكالمة واحدة
    [two] مكالمتين
    [few] { $calls } مكالمات
   *[other] { $calls } مكالمة
}: { $factors }. طالت مهلة الوقفة والمدة المسموح بها قبل الصمت الطويل تبعًا لذلك؛ وقُيّم سائر الأداء كالمعتاد.
report-trainee-left = مغادرة قبل النهاية: { $left ->
    [one] مكالمة واحدة
    [two] مكالمتان
    [few] { $left } مكالمات
   *[other] { $left } مكالمة
} (المغادرة قبل النهاية لا تُحتسب محاولة).
report-scores-chart = درجة كل مكالمة بترتيب إجرائها
report-col-earlier = المكالمات الأولى: خُولفت / جاء موقفها
report-col-recent = المكالمات الأخيرة: خُولفت / جاء موقفها
report-trend-better = تحسّن
report-trend-worse = تراجع
report-trend-same = بلا تغيير
report-tier-reached = فُتح المستوى { $tier } بعد { $calls ->
    [one] مكالمة واحدة
    [two] مكالمتين
    [few] { $calls } مكالمات
   *[other] { $calls } مكالمة
} (الأيام منذ أول مكالمة: { $days }).

## Skipped files.
report-section-skipped = الملفات المُستبعَدة
report-skipped-explain = ملفات في مجلد البيانات تعذّر استخدامها. لا يُحسب شيء مما فيها.
report-skipped-none = لا شيء: قُرئت كل الملفات.
report-col-file = الملف
report-col-why = السبب
report-skip-profile = تعذّرت قراءة ملف المتدرّب ({ $detail })؛ ومع ذلك تُحسب مكالماته من ملفات جلساته.
report-skip-profile-backup = تعذّرت قراءة ملف المتدرّب ({ $detail })؛ أُخذ مستواه من النسخة الاحتياطية، وتُحسب مكالماته من ملفات جلساته.
report-skip-set-aside = ملف متدرّب تالف نحّته اللعبة جانبًا بعد أن استعادته من نسخته الاحتياطية.
report-skip-unfinished = حفظ لم يكتمل، خلّفته كتابة انقطعت.
report-skip-foreign = ليس من ملفات «أبقِ الخط مفتوحًا».
report-skip-not-session = ليس ملف جلسة (ملفات الجلسات بامتداد json).
report-skip-folder = مجلد داخل مجلد أحد المتدرّبين.
report-skip-unreadable = تعذّرت قراءة الملف ({ $detail }).
report-skip-session = ليس ملف جلسة يستطيع هذا الإصدار قراءته ({ $detail }).
report-lrs-source = مخزن سجلات التعلّم: { $endpoint }
report-skip-statements = بيانات ليست من مكالمات «أبقِ الخط مفتوحًا»، ولا تُحسب ({ $detail }).
report-skip-call = مكالمة في مخزن سجلات التعلّم لا يمكن حسابها ({ $detail }).

## The shifts section.
report-section-shifts = الورديات
report-shifts-explain = كل وردية عمل فيها متدرّب: المكالمات ونجاحها، والحل من أول اتصال (المكالمات الأولى التي لم يحتج أصحابها إلى اتصال آخر)، والاتصالات الموعودة التي تمّت في وقتها، ومتوسط مدة المعالجة (المكالمة وما بعدها)، ونسبة المتصلين الذين تمّ الرد عليهم في الوقت المستهدف، وأعلى مستوى للضغط على المتدرّب.
report-shifts-none = لا توجد ورديات في هذه الفترة.
report-col-shift = الوردية
report-col-day = التاريخ
report-col-fcr = الحل من أول اتصال
report-col-promises = الاتصالات الموعودة في وقتها
report-col-handle-time = متوسط مدة المعالجة
report-col-service-level = مستوى الخدمة
report-col-strain = أعلى مستوى للضغط
report-col-shift-result = النتيجة
report-shift-passed = ناجحة
report-shift-not-passed = غير ناجحة

## خريطة الحالة (`hold-the-line map` وخرائط المجموعة في التقرير)
map-start = البداية
map-agent-first = (الكلمة الأولى للموظف)
map-unreached = لا يؤدي أي مسار إلى هنا
map-ending-passes = يمكن النجاح بها
map-ending-fails = لا يمكن النجاح بها
map-scores = درجة النجاح { $pass } · أفضل درجة { $best } · أدنى درجة { $worst }
map-explored-in-part = استكشاف جزئي
map-key-right = رد صحيح
map-key-mixed = رد مختلط
map-key-wrong = رد خاطئ
map-key-neutral = بلا قاعدة
map-key-best = أفضل مسار
map-key-never-passes = خارج كل مسار ناجح
map-key-most-chosen-wrong = الرد الخاطئ الأكثر اختيارًا
map-cohort = عرض السهم: نسبة اختيار الرد من { $calls ->
    [one] مكالمة واحدة
    [two] مكالمتين
    [few] { $calls } مكالمات
   *[other] { $calls } مكالمة
}
map-reply-title = الرد { $number }: { $text }
map-follows = يتّبع: { $rules }
map-breaks = يخالف: { $rules }
map-chosen = { $times ->
    [zero] لم يُختر أي مرة
    [one] اختير مرة واحدة
    [two] اختير مرتين
    [few] اختير { $times } مرات
   *[other] اختير { $times } مرة
}
