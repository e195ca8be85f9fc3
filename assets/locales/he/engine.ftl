# What the engine reports, in words: verdict notes, why a meter moved, why a call did not
# pass, why a case is locked, how a call ended and when a reply came. The engine returns
# typed values; these messages word them.
#
# Register: everyday Israeli Hebrew, short, as on a debrief screen.
# Address (gender-neutral): notes name what happened with a noun or verbal noun
# ("קטיעת הלקוח באמצע ההתפרצות", "הרמת קול"), or with the customer or the call as the
# subject ("הלקוח ניתק", "הבעיה נפתרה"); no gendered "you" verb. Unpointed "שלך" reads
# for either gender. The customer is "הלקוח".
# Numbers: CLDR Hebrew plural categories one, two, other (CLDR 42+; "many" is merged into
# other); one and two use the words "אחת/אחד" and "שתי/שני/פעמיים" without a digit.
# Terms: case = "תרחיש", tier = "רמה", supervisor = "אחראי משמרת", core rule = "כלל מרכזי",
# slip = "מעידה", forgiven = "נסלחת", an answer = "תשובה", the pause after an outburst = "הפוגה",
# dead air = "שתיקה על הקו", followed / broken = "נשמר" / "הופר", slow = "איטית" ("לאט" as a
# reply's timing), late = "באיחור", soft voice = "רך" / "ברכות", warm / curt tone = "חם" / "יבש",
# angry chat messages = "הודעות כועסות"; the same words as ui.ftl.

## Verdict notes: what the trainee did at a moment the rules judge.
note-cut-in = קטיעת הלקוח באמצע ההתפרצות
note-let-them-finish = הלקוח סיים לדבר בלי הפרעה
note-spoke-in-pause = תשובה בהפוגה
note-missed-pause = ההפוגה שאחרי ההתפרצות עברה בלי תשובה
note-answered-promptly = תשובה בלי עיכוב
note-slow-answer = תשובה איטית
note-talked-over = דיבור מעל הלקוח לפני שסיים
note-answered-softly = תשובה ברכות לצעקות
note-raised-voice = הרמת קול בחזרה על הלקוח
note-silence = שתיקה על הקו במשך { $seconds ->
    [one] שנייה אחת
    [two] שתי שניות
   *[other] { $seconds } שניות
}
# A reply's words followed or broke a rule: the rule's name says what.
note-followed = { $rule }
note-broke = הפרת הכלל "{ $rule }"

## Why a meter moved, when no rule's verdict says it.
reason-soft-voice-drift = הקול הרך שלך מרגיע את הלקוח בהדרגה
reason-raised-voice-drift = הלקוח מרים את הקול בחזרה, בעקבות הקול התקיף שלך
reason-what-you-said = תוכן התשובה
reason-waited = המתנה בתור במשך { $minutes ->
    [one] דקה אחת
   *[other] { $minutes } דקות
}
reason-promise-missed = השיחה החוזרת שהובטחה בפעם הקודמת לא הגיעה
reason-called-again = הבעיה לא נפתרה בשיחה הקודמת
reason-called-back-as-promised = שיחה חוזרת בשעה שהובטחה

## In a chat the voice is a tone: the same verdicts, worded for typing.
note-answered-softly-chat = תשובה חמה להודעות הכועסות של הלקוח
note-raised-voice-chat = תשובה יבשה להודעות הכועסות של הלקוח
reason-soft-voice-drift-chat = הטון החם מרגיע את הלקוח
reason-raised-voice-drift-chat = הלקוח משיב לטון היבש באותו מטבע

## Why a finished call did not pass.
not-passed-lesson = התרחיש הזה עוסק בכלל "{ $rule }", והוא הופר: לא משנה איך השיחה נגמרה, היא לא עוברת.
not-passed-not-settled = שיחה עוברת רק אם הבעיה נפתרה, אם נקבעה שיחה חוזרת, או אם הלקוח הועבר לאחראי המשמרת אחרי ניסיון לעזור ועם סיכום מוכן של הפנייה.
not-passed-core-rule = הכלל המרכזי "{ $rule }" הופר { $times ->
    [one] פעם אחת
    [two] פעמיים
   *[other] { $times } פעמים
}. { $forgiven ->
    [0] ברמה { $tier } לא נסלחת אף מעידה בכללים המרכזיים.
    [one] ברמה { $tier } נסלחת מעידה אחת בארבעת הכללים המרכזיים יחד; מעידה שנייה מכשילה את השיחה.
    [two] ברמה { $tier } נסלחות שתי מעידות בארבעת הכללים המרכזיים יחד, לא יותר.
   *[other] ברמה { $tier } נסלחות { $forgiven } מעידות בארבעת הכללים המרכזיים יחד, לא יותר.
}
not-passed-core-rules = הופרו יותר מכלל מרכזי אחד: { $rules }. { $forgiven ->
    [0] ברמה { $tier } לא נסלחת אף מעידה בכללים המרכזיים.
    [one] ברמה { $tier } נסלחת מעידה אחת; שיחה עם שתיים לא עוברת.
    [two] ברמה { $tier } נסלחות שתי מעידות, לא יותר.
   *[other] ברמה { $tier } נסלחות { $forgiven } מעידות, לא יותר.
}
not-passed-timing = מעידות בתזמון: תשובה באיחור או שתיקה על הקו { $times ->
    [one] פעם אחת
    [two] פעמיים
   *[other] { $times } פעמים
} (איחור אחרי התפרצות, תשובה איטית אחרי משפט רגוע ושתיקה על הקו נספרים יחד). { $forgiven ->
    [0] ברמה { $tier } כל אחת נספרת, ולכן השיחה לא עוברת.
    [one] ברמה { $tier } נסלחת אחת; יותר מזה זה הרגל, ולכן השיחה לא עוברת.
    [two] ברמה { $tier } נסלחות שתיים; יותר מזה זה הרגל, ולכן השיחה לא עוברת.
   *[other] ברמה { $tier } נסלחות { $forgiven }; יותר מזה זה הרגל, ולכן השיחה לא עוברת.
}
not-passed-below-mark = הציון { $total } נמוך מציון המעבר ({ $mark }).

## Why a case is locked, and the tier rule.
lock-tier = צריך לעבור עוד { $more ->
    [one] תרחיש אחד
    [two] שני תרחישים
   *[other] { $more } תרחישים
} ברמה { $below } כדי לפתוח את רמה { $tier }.
lock-requires = צריך לעבור קודם: { $cases }
tier-rule = מעבר של { $passes ->
    [one] תרחיש אחד
    [two] שני תרחישים
   *[other] { $passes } תרחישים
} ברמה, בכל שפה, פותח את הרמה הבאה.

## How a call ended.
ending-resolved = הבעיה נפתרה
ending-call-back = נקבעה שיחה חוזרת
ending-handover = העברה מסודרת לאחראי משמרת, עם סיכום מוכן
ending-supervisor = השיחה הועברה לאחראי משמרת
ending-hung-up = הלקוח ניתק
ending-unresolved = הבעיה לא נפתרה

## When a reply came.
timing-interrupting = קטיעה
timing-in-the-pause = בהפוגה
timing-prompt = מיד
timing-slow = לאט
timing-late = באיחור, אחרי שתיקה על הקו

## What a customer says when the scenario wrote nothing: cut off mid-sentence, and into a
## silence (growing louder with each one), on the phone or at the desk and in a chat.
## Plural or impersonal forms: the agent's gender is not known here.
stock-retort-1 = אל תקטעו אותי! לא סיימתי!
stock-retort-2 = תנו לי לסיים!
stock-retort-3 = אפשר לתת לי לסיים, בבקשה?!
stock-retort-4 = אני עוד באמצע!
stock-nudge-phone-1 = הלו? יש שם מישהו?
stock-nudge-phone-2 = הלו?! מישהו שומע אותי?
stock-nudge-phone-3 = מקשיבים לי בכלל?
stock-nudge-desk-1 = סליחה? אפשר קצת עזרה פה?
stock-nudge-desk-2 = הלו?! יעזרו לי פה או לא?
stock-nudge-desk-3 = מישהו מתכוון לטפל בזה?
stock-nudge-chat-1 = הלו??
stock-nudge-chat-2 = יש פה מישהו?
stock-nudge-chat-3 = מישהו בכלל קורא את זה?
