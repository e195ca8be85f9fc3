# The trainer report (`hold-the-line report`): report.html. Same ids in every language.

report-title = להחזיק את הקו: דוח למדריך
report-summary = שיחות: { $calls }, מתאמנים: { $trainees }, מתאריך { $from } עד { $to }.
report-data-folder = תיקיית הנתונים: { $dir }
report-filter-since = שיחות מתאריך { $day } והלאה.
report-filter-trainee = רק { $name }.
report-no-calls = עדיין אין שיחות. כשמתאמנים יסיימו שיחות, הן יופיעו כאן.
report-csv-note = אותם נתונים לגיליון אלקטרוני, ליד הדף הזה: { $files }.
report-none = אין
report-percent = { $value }%

## The group at a glance.
report-section-grid = הקבוצה במבט אחד
report-grid-explain = בכל תא: הציון הטוב ביותר / מספר הניסיונות. ירוק: עבר; אדום: ניסה ועדיין לא עבר. הרמה היא הגבוהה ביותר שפתוחה למתאמן.
report-col-trainee = מתאמן
report-col-tier = רמה
report-col-calls = שיחות
report-col-passes = עברו
report-cell-title = { $case }: ציון טוב ביותר { $best }, { $attempts ->
    [one] ניסיון אחד
    [two] שני ניסיונות
   *[other] { $attempts } ניסיונות
}

## Where the group struggles.
report-section-rules = איפה הקבוצה מתקשה
report-rules-explain = כמה פעמים הופר כל כלל כשהגיע הרגע שלו, לפי רמת התרחיש. הכלל שהופר הכי הרבה מופיע ראשון, עם הרגע שבו הוא מופר הכי הרבה.
report-col-rule = כלל
report-col-broken = הופר
report-col-followed = נשמר
report-tier = רמה { $tier }
report-tier-unknown = תרחישים לא מוכרים
report-col-typical = הרגע הטיפוסי
report-typical = { $what }: שלב { $exchange } של "{ $case }" ({ $count } מתוך { $total })
report-heat-cell = { $broken } מתוך { $judged }

## Case by case.
report-section-cases = תרחיש אחר תרחיש
report-cases-explain = שיעור המעבר מחושב מכל השיחות. ניסיונות עד מעבר ראשון, ציון ראשון וציון טוב ביותר הם ממוצעים על המתאמנים ששיחקו את התרחיש. בכל נקודת בחירה: כמה פעמים נבחרה כל תשובה; התשובה השגויה שנבחרה הכי הרבה היא מה שכדאי ללמד.
report-map-caption = מפת התרחיש עם הנתונים של הקבוצה הזאת: עובי החץ של כל תשובה לפי חלק השיחות שבחרו בה; המסלול המודגש הוא הטוב ביותר; התג האדום מסמן את התשובה השגויה שנבחרה הכי הרבה. העבירו את העכבר מעל חץ כדי לראות את נוסח התשובה וכמה פעמים נבחרה.
report-col-case = תרחיש
report-col-trainees = מתאמנים
report-col-pass-rate = שיעור מעבר
report-col-attempts-to-pass = ניסיונות עד מעבר ראשון
report-col-first-score = ציון ראשון
report-col-best-score = ציון טוב ביותר
report-unknown-case = { $id } (לא בספריית התרחישים)
report-choice-point = נקודת בחירה "{ $beat }", { $count ->
    [one] נבחרה תשובה פעם אחת
    [two] נבחרה תשובה פעמיים
   *[other] נבחרה תשובה { $count } פעמים
}
report-col-reply = תשובה
report-col-chosen = נבחרה
report-tempting = התשובה השגויה שנבחרה הכי הרבה: את זה כדאי ללמד
report-breaks = מפרה: { $rules }

## Progress over time.
report-section-time = התקדמות לאורך זמן
report-daily-calls = שיחות ביום
report-daily-passes = עברו
report-tier-steps = מהשיחה הראשונה עד כל רמה
report-col-opened = מתאמנים שפתחו אותה
report-col-median-calls = חציון שיחות
report-col-median-days = חציון ימים

## Trainee by trainee.
report-section-trainees = מתאמן אחר מתאמן
report-trainee-summary = שיחות: { $calls }, עברו: { $passes }, רמה: { $tier }.
report-weakest = הכלל החלש ביותר: { $rule }.
report-weakest-none = אף כלל לא הופר בשיחות האלה.
report-trainee-paused = השיחות הושהו { $pauses ->
    [one] פעם אחת
    [two] פעמיים
   *[other] { $pauses } פעמים
}, { $minutes } דק' בסך הכול (השהיה עוצרת את השעון ולא נחשבת לשתיקה על הקו).
report-trainee-more-time = זמן נוסף לתשובה (התאמה) { $calls ->
    [one] בשיחה אחת
    [two] בשתי שיחות
   *[other] ב-{ $calls } שיחות
}: { $factors }. חלון ההפוגה והזמן המותר עד שתיקה על הקו הוארכו בהתאם; בכל השאר הציון חושב כרגיל.
report-trainee-left = יציאה לפני הסוף: { $left ->
    [one] שיחה אחת
    [two] שתי שיחות
   *[other] { $left } שיחות
} (יציאה לפני הסוף לא נספרת כניסיון).
report-scores-chart = הציון של כל שיחה, לפי הסדר
report-col-earlier = שיחות מוקדמות: הופר / נבחן
report-col-recent = שיחות אחרונות: הופר / נבחן
report-trend-better = השתפר
report-trend-worse = הידרדר
report-trend-same = ללא שינוי
report-tier-reached = רמה { $tier } נפתחה אחרי { $calls ->
    [one] שיחה אחת
    [two] שתי שיחות
   *[other] { $calls } שיחות
} (ימים מהשיחה הראשונה: { $days }).

## Skipped files.
report-section-skipped = קבצים שדולגו
report-skipped-explain = קבצים בתיקיית הנתונים שלא ניתן היה להשתמש בהם. שום דבר מהם לא נספר.
report-skipped-none = אין: כל הקבצים נקראו.
report-col-file = קובץ
report-col-why = סיבה
report-skip-profile = לא ניתן לקרוא את הפרופיל ({ $detail }); השיחות של המתאמן עדיין נספרות מקובצי השיחות שלו.
report-skip-profile-backup = לא ניתן לקרוא את הפרופיל ({ $detail }); הרמה של המתאמן נלקחה מהגיבוי, והשיחות שלו נספרות מקובצי השיחות שלו.
report-skip-set-aside = פרופיל פגום שהמשחק הניח בצד אחרי ששחזר אותו מהגיבוי.
report-skip-unfinished = שמירה שלא הושלמה, שנשארה מכתיבה שנקטעה.
report-skip-foreign = לא קובץ של "להחזיק את הקו".
report-skip-not-session = לא קובץ שיחה (קובצי שיחה הם בסיומת json).
report-skip-folder = תיקייה בתוך התיקייה של מתאמן.
report-skip-unreadable = לא ניתן לקרוא את הקובץ ({ $detail }).
report-skip-session = לא קובץ שיחה שהגרסה הזו יודעת לקרוא ({ $detail }).
report-lrs-source = מאגר רשומות הלמידה: { $endpoint }
report-skip-statements = הצהרות שאינן משיחות של "להחזיק את הקו", ולא נספרות ({ $detail }).
report-skip-call = שיחה במאגר רשומות הלמידה שלא ניתן לספור ({ $detail }).

## The shifts section.
report-section-shifts = משמרות
report-shifts-explain = כל משמרת שמתאמן עבד בה: שיחות שטופלו ושעברו, פתרון בפנייה ראשונה (פניות ראשונות שהלקוח לא נאלץ לפנות שוב אחריהן), שיחות חוזרות שבוצעו בזמן, זמן טיפול ממוצע (שיחה וסיכום), שיעור הפונים שנענו בזמן היעד, ושיא הלחץ של המתאמן.
report-shifts-none = לא היו משמרות בתקופה הזו.
report-col-shift = משמרת
report-col-day = תאריך
report-col-fcr = פתרון בפנייה ראשונה
report-col-promises = שיחות חוזרות בזמן
report-col-handle-time = זמן טיפול ממוצע
report-col-service-level = רמת שירות
report-col-strain = שיא הלחץ
report-col-shift-result = תוצאה
report-shift-passed = עברה
report-shift-not-passed = לא עברה

## מפת התרחיש (`hold-the-line map`, ומפות הקבוצה בדוח)
map-start = התחלה
map-agent-first = (הנציג פותח)
map-unreached = אף מסלול לא מגיע לכאן
map-ending-passes = מאפשר מעבר
map-ending-fails = לא מאפשר מעבר
map-scores = ציון מעבר { $pass } · ציון טוב ביותר { $best } · ציון נמוך ביותר { $worst }
map-explored-in-part = נבדק חלקית
map-key-right = תשובה נכונה
map-key-mixed = מעורבת
map-key-wrong = תשובה שגויה
map-key-neutral = בלי כלל
map-key-best = המסלול הטוב ביותר
map-key-never-passes = מחוץ לכל מסלול עובר
map-key-most-chosen-wrong = התשובה השגויה שנבחרה הכי הרבה
map-cohort = עובי החץ: שיעור הבחירה בתשובה מתוך { $calls ->
    [one] שיחה אחת
    [two] שתי שיחות
   *[other] { $calls } שיחות
}
map-reply-title = תשובה { $number }: { $text }
map-follows = שומרת על: { $rules }
map-breaks = מפרה: { $rules }
map-chosen = { $times ->
    [0] לא נבחרה אף פעם
    [one] נבחרה פעם אחת
    [two] נבחרה פעמיים
   *[other] נבחרה { $times } פעמים
}
