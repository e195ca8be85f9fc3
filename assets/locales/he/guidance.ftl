# The guidance in Hebrew: each rule's name (`rule-ID`) and what it means in play
# (`rule-ID-explanation`), and the rule groups (`group-ID`). Rule ids are the stable ids
# of assets/guidance.ron; the English and Arabic files carry the same keys.
#
# Register: everyday Israeli Hebrew, the way a shift lead explains it; written fresh from
# the guidance, not from the Hebrew seed (004), whose wording reads as machine translation.
# Address (gender-neutral): rule names are infinitives, as Hebrew checklists and
# instructions are written ("להנמיך את הקול"); explanations use infinitives or the
# impersonal present plural ("מחכים", "אומרים ללקוח"), never a gendered "you" verb.
# Unpointed forms such as "שלך" read for either gender. The customer is
# "הלקוח" (grammatical masculine generic).

group-listening = הקשבה ותזמון
group-voice = קול וקור רוח
group-empathy = אמפתיה והבנה
group-ownership = אחריות וכנות
group-resolution = פתרון

rule-let_them_vent = לא לקטוע את הלקוח
rule-let_them_vent-explanation = נותנים ללקוח לסיים, בין אם הוא מתפרץ ובין אם הוא מסביר. קטיעה באמצע התפרצות מוסיפה שמן למדורה, ודיבור מעל הסבר אומר לו שלא מקשיבים לו. מחכים שיעצור.

rule-answer_in_the_pause = לדבר בהפוגה
rule-answer_in_the_pause-explanation = ההפוגה שאחרי ההתפרצות היא הסימן לדבר: זה הרגע שבו משפט קצר ורגוע באמת נקלט.

rule-no_dead_air = לא להשאיר את הלקוח לחכות
rule-no_dead_air-explanation = תשובה איטית, שתיקה ארוכה על הקו או המתנה ארוכה הופכות חוסר שביעות רצון לכעס, ומשדרות ללקוח שהזמן שלו לא חשוב.

rule-lower_your_voice = להנמיך את הקול
rule-lower_your_voice-explanation = ללקוח שצועק או מעליב עונים בשקט וברוגע מוחלט. צעקה בחזרה הופכת את השיחה לתחרות על תשומת הלב; דיבור שקט גורם ללקוח להנמיך את הקול כדי לשמוע.

rule-stay_composed = להקשיב לרגש בלי להתרגש
rule-stay_composed-explanation = הכעס הוא על המצב, לא על מי שעונה לטלפון, גם כשזה נשמע אישי. לא משיבים באותו מטבע.

rule-respect = אדיבות בלי התנשאות
rule-respect-explanation = לשמור על נימוס וחביבות גם תחת לחץ, ולא לדבר מלמעלה: בלי "תירגע" ובלי "כמו שכבר אמרתי".

rule-acknowledge_feelings = להכיר בזכות לכעוס
rule-acknowledge_feelings-explanation = לקבל את זה שללקוח יש זכות לכעוס, עוד לפני שיודעים את הפרטים, ולהגיד לו את זה.

rule-make_them_heard = לתת ללקוח הרגשה שמקשיבים לו
rule-make_them_heard-explanation = להראות ללקוח שהבעיה שלו חשובה ושלוקחים את הזמן להבין אותה: לחזור עליה במילים שלנו ולשאול מה הוא צריך.

rule-paraphrase = לחזור על הדברים ולוודא
rule-paraphrase-explanation = לחזור על הנקודות העיקריות בקול רך ויציב, ולבקש מהלקוח לאשר שהבנו נכון.

rule-clarify_the_goal = לברר מה הלקוח רוצה
rule-clarify_the_goal-explanation = לשאול שאלות עד שברור איזו תוצאה הלקוח רוצה; מאחורי תלונה מעורפלת מסתתרת בקשה קונקרטית.

rule-customer_first = קודם האדם, אחר כך הבעיה
rule-customer_first-explanation = קודם מרגיעים את הצד הרגשי ורק אחר כך מטפלים בצד הטכני; פתרון טכני בלבד משאיר את הלקוח לא מרוצה.

rule-take_ownership = לקחת אחריות
rule-take_ownership-explanation = לא משנה מי גרם לבעיה: אומרים ללקוח שמטפלים בזה אישית. אף פעם לא "זה לא במחלקה שלי", "זה לא תלוי בי" או "צריך להתקשר למישהו אחר".

rule-apologize = להתנצל בשם החברה
rule-apologize-explanation = להתנצל גם באופן אישי וגם בשם החברה, לא משנה מי אשם. אם התלונה מוצדקת, פותחים בהתנצלות; אם לא בטוחים, פותחים בתודה.

rule-no_excuses = בלי תירוצים
rule-no_excuses-explanation = תירוץ מגלגל את האשמה ומבקש מהלקוח לקבל אותה ("יש לנו עומס", "המערכת עשתה את זה"); זה מעצבן. הסבר זה משהו אחר: לקחת אחריות על מה שקרה, להסביר במילים פשוטות ולהגיד מה עושים כדי לתקן.

rule-be_transparent = לפעול בשקיפות
rule-be_transparent-explanation = לא להסתיר מידע ולא למסור מידע לא נכון כדי לצאת מהרגע; להודות במה שהשתבש ולעדכן את הלקוח באופן קבוע.

rule-plain_language = לדבר בשפה פשוטה
rule-plain_language-explanation = להימנע מז'רגון מקצועי ומניסוחים כמו "חייבים" או "צריך ש...", שרק מעלים את הטמפרטורה.

rule-real_solution = לתת פתרון אמיתי
rule-real_solution-explanation = לטפל בשורש הבעיה של הלקוח הזה, לא בפלסטר ולא בתשובה כללית; ואם אפשר, לתת קצת יותר ממה שביקש (הנחה, משלוח חוזר, מחווה קטנה).

rule-set_a_deadline = לקבוע מועד
rule-set_a_deadline-explanation = כשאי אפשר לפתור עכשיו, להגיד ללקוח מתי חוזרים אליו וכמה זמן תיקח הבדיקה.

rule-never_hang_up = לא לנתק ללקוח
rule-never_hang_up-explanation = לא מנתקים שיחה רק כי הלקוח גס רוח. אם אין הסכמה, עוצרים את השיחה ומציעים תאריך ושעה לשיחה חוזרת.

rule-polite_firmness = הלקוח לא תמיד צודק
rule-polite_firmness-explanation = כשמתברר שהטעות היא של הלקוח, אומרים לו את זה בטקט, מסבירים ומיישרים את ההדורים; לא מסכימים לכל דבר רק כדי לסיים את השיחה.

rule-supervisor_request = לטפל נכון בבקשה לאחראי משמרת
rule-supervisor_request-explanation = לנסות לזכות באמון של הלקוח ולעזור לו בלי להעביר אותו הלאה, אבל אף פעם לא לסרב לבקשה לדבר עם אחראי משמרת ולא למרוח אותה.

rule-thank_them = להודות ללקוח שפנה
rule-thank_them-explanation = להודות ללקוח על כך שהעלה את הבעיה; זה עוזר לחברה להשתפר.

rule-follow_up = לחזור ללקוח
rule-follow_up-explanation = להגיד ללקוח שחוזרים אליו בהמשך (בשיחה או בהודעה) כדי לבדוק שהכול בסדר, ולשאול איך היה השירות.

rule-greeting = פתיח קצר וברור
rule-greeting-explanation = שם החברה, השם שלך, ו"איך אפשר לעזור?". פתיח ארוך ומדוקלם נשמע כמו מכונה ומעצבן.
