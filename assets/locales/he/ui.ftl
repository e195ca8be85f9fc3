# The game's own words: buttons, headings, hints, statuses. Same ids in every language.
# Key names in hints (Esc, Enter, Tab, 1-4, S/E/F, P, R, N) are written as the keys are labelled.
# Terms, one per idea, the same in engine.ftl: the pause after an outburst = "הפוגה" (the game's
# own P pause is "השהיה", "משהה", "מושהה"); dead air = "שתיקה על הקו" (in a chat "שתיקה"); a rule
# followed / broken = "נשמר" / "הופר" ("שומרת על" / "מפרה"); the keys = "במקשים 1-4";
# an answer = "תשובה"; voice (phone) = "קול", tone (chat) = "טון"; slow = "איטית" ("לאט" as
# the transcript's timing), late = "באיחור"; score = "ציון" (the debrief's outcome part is
# "תוצאה"); a call left unfinished = "יציאה לפני הסוף"; your cue = "התור שלך".
app-title = להחזיק את הקו

## Shared words.
back-to-list = חזרה לרשימה  (Esc)
channel-phone = טלפון
channel-chat = צ'אט
channel-front-desk = דלפק קבלה
# Between the items of a list of rule names.
list-separator = {"; "}
customer-fallback = הלקוח

## Title screen.
title-tagline = תרגול שיחות עם לקוחות כועסים. להקשיב, להנמיך את הקול, לקחת אחריות על הבעיה.
title-name-label = השם שלך
title-sign-in = כניסה  (Enter)
title-one-profile = פרופיל אחד לכל שם: ההתקדמות נשמרת תחתיו.
title-continue-as = להמשיך בתור { $name }
title-more-profiles = { $count ->
    [one] עוד פרופיל שמור אחד: אפשר להקליד את השם למעלה כדי להמשיך בו.
    [two] עוד שני פרופילים שמורים: אפשר להקליד את השם למעלה כדי להמשיך באחד מהם.
   *[other] עוד { $count } פרופילים שמורים: אפשר להקליד את השם למעלה כדי להמשיך באחד מהם.
}
title-guest = תרגול כאורח
title-quit = יציאה
title-saved-in = ההתקדמות נשמרת בתיקייה
title-name-first = קודם מקלידים שם, ואז Enter.
title-open-failed = לא ניתן לפתוח את ההתקדמות של { $name }: { $error }

## Notices on the case list.
notice-recovered = קובץ ההתקדמות נפגם, ולכן שוחזר מהעותק התקין האחרון. ייתכן שחסר משהו מהסשן האחרון. הקובץ הפגום נשמר ב-{ $path }.
notice-save-failed = לא ניתן לשמור את ההתקדמות: { $error }

## Case list.
select-title = בחירת תרחיש
select-signed-in = מחובר/ת בתור { $name }
select-guest = תרגול כאורח: שום דבר לא נשמר
select-sign-out = התנתקות  (Esc)
select-keys = { $rule }  מקשים: 1-4 להחלפת רמה, חיצים או Tab למעבר, Enter לפתיחה.
select-more-below = יש עוד תרחישים למטה: גוללים, או Page Down
select-no-cases = אין עדיין תרחישים ברמה הזו.
tab-open = רמה { $tier }  ({ $passed }/{ $cases } עברו)
tab-locked = רמה { $tier }  (נעולה)
case-passed = עבר. הציון הטוב ביותר { $score } ({ $grade }), { $attempts ->
    [one] ניסיון אחד
    [two] שני ניסיונות
   *[other] { $attempts } ניסיונות
}
case-not-passed = עדיין לא עבר. הציון הטוב ביותר { $score }, { $attempts ->
    [one] ניסיון אחד
    [two] שני ניסיונות
   *[other] { $attempts } ניסיונות
}
case-new = חדש. ציון מעבר { $mark }
case-summary = { $channel } · { $summary }
broken-title = לא ניתן לטעון את { $file } ({ $errors ->
    [one] שגיאה אחת
    [two] שתי שגיאות
   *[other] { $errors } שגיאות
})
broken-detail = { $summary } לפרטים: `hold-the-line check`.
broken-detail-kept = { $summary } הגרסה התקינה האחרונה עדיין זמינה למשחק. לפרטים: `hold-the-line check`.

## Brief.
brief-heading = רמה { $tier } · { $channel } · ציון מעבר { $mark }
brief-customer = { $gender ->
    [female] הלקוחה: { $name }
   *[other] הלקוח: { $name }
}
brief-how-to-play = איך משחקים
brief-rules-phone = המילים של הלקוח מופיעות תוך כדי שהוא מדבר. עונים במקשים 1-4 או בלחיצה. תשובה בזמן שהלקוח עוד צועק קוטעת אותו; ההפוגה אחרי ההתפרצות היא הסימן לדבר. בוחרים קול לפני שעונים: S (רך), E (מאוזן), F (תקיף). לא משאירים שתיקה על הקו. P משהה את השיחה אם משהו מחוץ למשחק מפריע (שיחה מושהית לא נחשבת שתיקה על הקו).
brief-rules-chat = ההודעות של הלקוח מופיעות תוך כדי שהוא מקליד. עונים במקשים 1-4 או בלחיצה. הודעה שנשלחת בזמן שהלקוח עוד מקליד בכעס קוטעת אותו; מחכים עד שיסיים. בוחרים טון לפני שעונים: S (חם), E (ניטרלי), F (יבש). לא משאירים את הלקוח לחכות בשתיקה. P משהה את הצ'אט אם משהו מחוץ למשחק מפריע (צ'אט מושהה לא נחשב שתיקה).
brief-start-phone = לענות לשיחה  (Enter)
brief-start-chat = לפתוח את הצ'אט  (Enter)
brief-start-desk = לשרת את הלקוח  (Enter)
brief-last-attempts = הניסיונות האחרונים שלך: { $attempts }
brief-attempt-passed = { $when }:  { $score } (עבר)
brief-attempt-not-passed = { $when }:  { $score } (לא עבר)
brief-attempt-left = { $when }: יציאה לפני הסוף
brief-attempt-when = { $day } { $time }
brief-replies-as = { $gender ->
    [female] כרטיסי התשובה שלך כתובים בלשון נקבה.
   *[other] כרטיסי התשובה שלך כתובים בלשון זכר.
}
brief-switch-speaker = { $gender ->
    [female] לעבור ללשון זכר
   *[other] לעבור ללשון נקבה
}
brief-more-time-off = זמן לתשובה: כפי שהתרחיש קובע.
brief-more-time-on = זמן נוסף לתשובה: ×{ $factor } להפוגה ולפני שתיקה על הקו (מוצג למדריך).
brief-more-time-switch = זמן נוסף (T)
brief-lines = { $at-once ->
    [yes] המשפטים של הלקוח מופיעים בשלמותם, בלי לרעוד.
   *[no] המשפטים של הלקוח מופיעים מילה אחר מילה.
}
brief-lines-switch = { $at-once ->
    [yes] מילה אחר מילה (W)
   *[no] משפטים שלמים (W)
}
brief-text-size = גודל הטקסט: { $percent }% (אפשר לשנות בכל מסך עם Ctrl ו־+ או -).
brief-text-size-switch = גודל הטקסט (Z)

## Call screen.
call-subtitle = { $title } · { $channel }
call-incoming-phone = שיחה נכנסת: { $name }
call-incoming-chat = צ'אט חדש מאת { $name }
call-incoming-desk = { $gender ->
    [female] { $name } ניגשת לדלפק
   *[other] { $name } ניגש לדלפק
}
call-pause = השהיה  (P)
call-paused = מושהה. השעון נעצר.
call-resume = המשך  (P)
call-leave = יציאה מהשיחה  (L)
call-leave-note = היציאה מחזירה לרשימת התרחישים. השיחה נשמרת כיציאה לפני הסוף, לא כניסיון שנכשל.
call-ended = השיחה הסתיימה: { $kind }. { $text }
chat-ended = הצ'אט הסתיים: { $kind }. { $text }
line-cut-off = { $name } ({ $gender ->
    [female] אחרי שנקטעה
   *[other] אחרי שנקטע
})
line-was-cut = { $name } (הדברים נקטעו כאן)
line-after-silence = { $name } (אחרי השתיקה שלך)
line-into-silence = { $name } (לתוך השתיקה)
line-shouting-in-chat = { $name } (בטון צועק)
line-shouting = { $name } (בצעקות)
line-heated = { $name } (בכעס)
line-voice-raised = { $name } (בקול מורם)
you-typing-over = התשובה שלך, בטון { $voice }, { $gender ->
    [female] בזמן שהלקוחה הקלידה
   *[other] בזמן שהלקוח הקליד
}
you-interrupting = התשובה שלך, בקול { $voice }, תוך כדי קטיעה
you-tone = התשובה שלך, בטון { $voice }
you-voice = התשובה שלך, בקול { $voice }
status-venting-cue = { $gender ->
    [female] { $name } מוציאה קיטור. לתת לה לסיים.
    [male] { $name } מוציא קיטור. לתת לו לסיים.
   *[other] { $name } מוציא/ה קיטור. לתת לסיים.
}
status-venting = { $gender ->
    [female] { $name } מוציאה קיטור.
    [male] { $name } מוציא קיטור.
   *[other] { $name } מוציא/ה קיטור.
}
status-typing = { $gender ->
    [female] { $name } מקלידה
    [male] { $name } מקליד
   *[other] { $name } מקליד/ה
}
status-talking = { $gender ->
    [female] { $name } מדברת
    [male] { $name } מדבר
   *[other] { $name } מדבר/ת
}
status-paused = מושהה
status-cue-chat = ההקלדה נעצרה: התור שלך
status-cue = הפוגה: התור שלך לדבר
status-your-turn = התור שלך
status-silence = ההפוגה הוחמצה: עונים עכשיו · שתיקה { $seconds } שנ'
status-you-typing = התשובה שלך נכתבת
status-you-speaking = התשובה שלך נאמרת
status-chat-over = הצ'אט הסתיים
status-call-over = השיחה הסתיימה
voice-title = קול:
tone-title = טון:
voice-button = { $voice }  ({ $key })
voice-soft = רך
voice-even = מאוזן
voice-firm = תקיף
tone-warm = חם
tone-neutral = ניטרלי
tone-curt = יבש
hint-chat = עונים במקשים 1-4. מחכים עד שהלקוח יפסיק להקליד; להודעות כועסות עונים בחום.
hint-phone = עונים במקשים 1-4. מחכים להפוגה; ללקוח צועק עונים ברכות.
hint-short = עונים במקשים 1-4.
meter-anger = כעס
meter-trust = אמון
meter-patience = סבלנות
meters-why = למה המדדים זזו
meter-change = { $delta } { $meter }
meter-moved = { $changes }: { $reason }

## Debrief.
debrief-passed = עבר
debrief-not-passed = לא עבר
debrief-verdict = { $verdict } · { $title }
debrief-grade = ציון { $grade }
debrief-unfinished = לא הסתיים
debrief-outcome = { $kind }: { $text }
debrief-more-time = הזמן הנוסף לתשובה היה מופעל (×{ $factor }): חלון ההפוגה והזמן המותר עד שתיקה על הקו היו ארוכים יותר; בכל השאר הציון חושב כרגיל.
debrief-pass-mark = ציון מעבר { $mark }.
debrief-parts = תוצאה { $outcome }/{ $outcome-of } · התנהלות { $conduct }/{ $conduct-of } · מצב רוח הלקוח { $mood }/{ $mood-of }.
debrief-saved = נשמר בהתקדמות שלך.
debrief-guest = סשן אורח: לא נשמר.
debrief-save-failed = לא ניתן לשמור את התוצאה: { $error }
debrief-tier-open = תרחישים חדשים נפתחו: רמה { $tier } פתוחה.
debrief-retry = לנסות שוב  (R)
debrief-next = התרחיש הבא  (N)
scroll-hint = גלילה בגלגלת העכבר או במקשי החיצים.
checklist-title = ההנחיות לאורך השיחה
mark-followed = נשמר
mark-broken = הופר
mark-mixed = חלקי
checklist-at = ב-{ $time }: { $what }
checklist-you-said = אמרת "{ $reply }"
chart-title = כעס ואמון לאורך השיחה
chart-legend = אדום: כעס, עם קו חיוור בגובה שבו הלקוח מוותר. כחול: אמון. סימנים בתחתית: כלל שהופר (אדום) או נשמר (ירוק).
transcript-title = השיחה, שורה אחר שורה
transcript-customer = { $time }  { $name }: { $text }
transcript-you = { $time }  התשובה שלך ({ $voice }, { $timing }): { $text }
transcript-voice = קול { $voice }
transcript-tone = טון { $voice }
transcript-ended = הסתיים: { $kind }. { $text }
better-title = תשובה טובה יותר כאן:
better-quote = "{ $text }"
better-why = למה: { $why }.
better-avoids = היא לא מפרה: { $rules }
better-follows = היא שומרת על: { $rules }
broken-at = שורה { $line }, עמודה { $column }: { $problem }

## The call's first-time guide and the cards' waiting line
cards-listen = מקשיבים: הכרטיסים מופיעים תוך כדי הדיבור.
onboard-title = השיחה הראשונה שלך: איך המסך עובד
onboard-talk = מה שהלקוח אומר מופיע בשיחה, ולידה זזים הכעס, האמון והסבלנות שלו.
onboard-cards = כרטיסי התשובה מופיעים למטה כבר בזמן שהלקוח מדבר: קוראים אותם תוך כדי.
onboard-cue = מחכים לסימן: השורה למעלה הופכת לירוקה ("הפוגה: התור שלך לדבר") ופס מתחיל להתרוקן. עונים במקשים 1-4 לפני שהוא מתרוקן. תשובה לפני כן היא קטיעה; אחרי שהפס מתרוקן ההפוגה הוחמצה והתשובה באיחור (השורה למעלה אומרת את זה), והמתנה ארוכה עוד יותר היא שתיקה על הקו.
onboard-voice = בוחרים איך לומר: S רך, E מאוזן, F תקיף. ללקוח צועק עונים בקול רך.
onboard-pause = P או Esc משהים את השיחה, ומשם אפשר גם לצאת ממנה.
onboard-start = להתחיל את השיחה  (Enter)

## Both saved files damaged
title-damaged = אי אפשר לקרוא את ההתקדמות השמורה של { $name }: גם הקובץ וגם הגיבוי שלו פגומים. שום דבר לא שונה ולא נמחק. אפשר להתחיל מחדש באותו שם; הקבצים הפגומים נשמרים בצד בשביל המדריך.
title-start-afresh = להתחיל מחדש בשם הזה
notice-started-afresh = נפתח פרופיל חדש. קבצי ההתקדמות הפגומים שמורים ב: { $paths }

## The debrief: how to say the right words, and where a line was cut
better-title-same = המילים הנכונות, רק לומר אותן אחרת:
better-same = אותן מילים, { $how }.
better-said-how = ואומרים את זה { $how }.
how-in-the-pause = בהפוגה
how-softly = ברכות
how-warmly = בחום
how-pause-and-softly = בהפוגה, ברכות
how-pause-and-warmly = בהפוגה, בחום
transcript-cut = { $heard }— [כאן נכנסת לדברים; לא נשמע: { $rest }]
notice-lrs-problem = התוצאות שלך נשמרו כאן, אבל לא ניתן היה להכין אותן לשליחה למערכת הלמידה של החברה: { $error }. כדאי לספר למדריך.

## My progress
select-progress = ההתקדמות שלי  (M)
progress-title = ההתקדמות שלי
progress-back = חזרה לרשימה  (Esc)
progress-rules = { $count ->
    [one] הכללים שלך בשיחה האחרונה
   *[other] הכללים שלך ב-{ $count } השיחות האחרונות
}
progress-rule-counts = נשמר { $followed } · הופר { $broken }
progress-weakest = { $rule } (הכלל שמופר אצלך הכי הרבה)
progress-cases = התרחישים שלך
progress-case-line = { $title }: הציון הטוב ביותר { $score } · ניסיונות { $attempts } · { $state }
progress-case-left = { $title }: יציאה לפני הסוף { $left ->
    [one] פעם אחת
    [two] פעמיים
   *[other] { $left } פעמים
} · עוד לא הושלם
progress-passed = עבר
progress-not-passed = עוד לא עבר
progress-next = לתרגל עכשיו
progress-next-why = { $title }: כאן מתרגלים את "{ $rule }", הכלל שהפרת הכי הרבה בשיחות האחרונות.
progress-next-open = לפתוח את התרחיש  (Enter)
progress-empty = ההתקדמות תופיע כאן אחרי התרחיש הראשון.
progress-no-next = אין מה לתרגל: לא הפרת אף כלל בשיחות האחרונות.

## Shift mode: a run of calls against a clock.
select-shift = כניסה למשמרת  (S)
shift-clock = { $clock } · שיחה { $calls }
shift-queue = התור
shift-waiting = { $count ->
    [0] אין ממתינים בתור
    [one] פונה אחד ממתין
   *[other] { $count } פונים ממתינים
}
shift-longest-wait = ההמתנה הארוכה ביותר: { $wait }
shift-tasks = השיחות החוזרות שהבטחת
shift-no-tasks = לא הובטחה שיחה חוזרת.
shift-task = לחזור בנושא "{ $title }" בשעה { $due }
shift-calls = השיחות שלך
shift-no-calls = עוד אין שיחות.
shift-call-row = { $clock }  { $title }: { $score }, { $result }
shift-passed = עברה
shift-not-passed = לא עברה
shift-kind-follow-up = השיחה החוזרת שלך
shift-kind-call-back = פנייה חוזרת
shift-strain = רמת הלחץ שלך: { $strain } מתוך 100
shift-strain-hint = פונים שצועקים מעלים אותה; מנוחה מורידה אותה, אבל התור ממשיך לחכות.
shift-answer = לענות לפונה הבא  (Enter)
shift-call-back = לחזור עכשיו  (Enter)
shift-break-due = זמן מנוחה  (Enter)
shift-wait = לחכות לפונה הבא  (Enter)
shift-results = איך הלכה המשמרת  (Enter)
shift-take-break = מנוחה קצרה  (B)
shift-leave = לצאת מהמשמרת  (Esc)
acw-title = סיכום שיחה
acw-heading = "{ $title }", { $clock }
acw-ending = איך הסתיימה השיחה?
acw-promise = הובטחה שיחה חוזרת? מתי?
acw-no-promise = לא הובטחה
acw-at = בשעה { $clock }
acw-save = לשמור ולחזור לתור  (Enter)
acw-skip = לדלג  (Esc)
acw-hint = הזמן שמושקע כאן נכלל בזמן הטיפול. שיחה חוזרת שלא נרשמה לא תופיע בתור.
shift-result-title = איך הלכה המשמרת
shift-result-passed = המשמרת עברה בהצלחה
shift-result-not-passed = המשמרת לא עברה בהצלחה
shift-result-handled = שיחות שטופלו: { $handled } (עברו: { $passed })
shift-result-handle-time = זמן טיפול ממוצע (שיחה וסיכום): { $time }
shift-result-fcr = פתרון בפנייה ראשונה: { $share } ({ $repeats ->
    [0] אין פניות חוזרות
    [one] פנייה חוזרת אחת
   *[other] { $repeats } פניות חוזרות
})
shift-result-promises = שיחות חוזרות בזמן: { $kept } מתוך { $made }
shift-result-service = מענה תוך { $seconds } שניות: { $share } (ההמתנה הארוכה ביותר: { $wait })
shift-result-abandoned = ניתקו בזמן ההמתנה: { $count }
shift-result-strain = שיא הלחץ: { $peak }; שיחות קשות: { $hard }; יציאות למנוחה: { $breaks }
shift-result-chart = הציון (עמודה רחבה) ורמת הלחץ אחריו (עמודה צרה), שיחה אחרי שיחה
shift-result-composure = אחרי שיחה קשה הציון הממוצע היה { $after }, ובשאר השיחות { $others }.
shift-result-composure-dropped = הביצועים ירדו אחרי שיחות קשות: כדאי לנשום עמוק (או לצאת למנוחה קצרה) לפני השיחה הבאה.
shift-result-rule = הכלל שהופר הכי הרבה: { $rule } ({ $times })
shift-result-why = על מה לעבוד
shift-shortfall-calls = { $share } מהשיחות עברו; נדרש { $needed }.
shift-shortfall-promises = { $share } מהשיחות החוזרות בוצעו בזמן; נדרש { $needed }.
shift-shortfall-service = { $share } מהפונים נענו בזמן; נדרש { $needed }.
shift-shortfall-fcr = { $share } מהפניות הראשונות לא הצריכו פנייה נוספת; נדרש { $needed }.
shift-shortfall-none = לא טופלה אף שיחה.
shift-result-back = חזרה לרשימת התרחישים  (Enter)
progress-shifts = המשמרות האחרונות שלך: { $shifts }
progress-shift = { $title }, { $day }: { $result } ({ $calls ->
    [one] שיחה אחת
   *[other] { $calls } שיחות
})
