# The trainer report (`hold-the-line report`): report.html. Same ids in every language.

report-title = Hold the Line: trainer report
report-summary = { $calls ->
    [one] One call
   *[other] { $calls } calls
} by { $trainees ->
    [one] one trainee
   *[other] { $trainees } trainees
}, from { $from } to { $to }.
report-data-folder = Data folder: { $dir }
report-filter-since = Calls from { $day } on.
report-filter-trainee = Only { $name }.
report-no-calls = No calls yet. When trainees finish calls, they will show here.
report-csv-note = The same figures for a spreadsheet, beside this page: { $files }.
report-none = none
report-percent = { $value }%

## The group at a glance.
report-section-grid = The group at a glance
report-grid-explain = Each cell: best score / attempts. Green: passed; red: tried, not passed yet. The tier is the highest one open to the trainee.
report-col-trainee = Trainee
report-col-tier = Tier
report-col-calls = Calls
report-col-passes = Passed
report-cell-title = { $case }: best { $best }, { $attempts ->
    [one] one attempt
   *[other] { $attempts } attempts
}

## Where the group struggles.
report-section-rules = Where the group struggles
report-rules-explain = How often each rule was broken when it came up, by the tier of the case. The rule broken most is first, with the moment it is most often broken.
report-col-rule = Rule
report-col-broken = Broken
report-col-followed = Followed
report-tier = Tier { $tier }
report-tier-unknown = Unknown cases
report-col-typical = Typical moment
report-typical = { $what }: exchange { $exchange } of “{ $case }” ({ $count } of { $total })
report-heat-cell = { $broken } of { $judged }

## Case by case.
report-section-cases = Case by case
report-cases-explain = Pass rate is of all calls. Attempts to first pass, first and best score are averages over the trainees who played the case. At each choice point, how often each reply was chosen; the wrong reply chosen most is the one to teach.
report-map-caption = The case's map with this group on it: each reply's arrow is as wide as the share of calls that took it; the highlighted path is the best one; the red tag marks the wrong reply chosen most. Hover over an arrow for its words and count.
report-col-case = Case
report-col-trainees = Trainees
report-col-pass-rate = Pass rate
report-col-attempts-to-pass = Attempts to first pass
report-col-first-score = First score
report-col-best-score = Best score
report-unknown-case = { $id } (not in the scenario library)
report-choice-point = Choice point “{ $beat }”, chosen { $count ->
    [one] once
   *[other] { $count } times
}
report-col-reply = Reply
report-col-chosen = Chosen
report-tempting = the wrong reply chosen most: teach this one
report-breaks = breaks: { $rules }

## Progress over time.
report-section-time = Progress over time
report-daily-calls = Calls per day
report-daily-passes = Passed
report-tier-steps = From the first call to each tier
report-col-opened = Trainees who opened it
report-col-median-calls = Median calls
report-col-median-days = Median days

## Trainee by trainee.
report-section-trainees = Trainee by trainee
report-trainee-summary = { $calls ->
    [one] One call
   *[other] { $calls } calls
}, { $passes } passed, tier { $tier }.
report-weakest = Weakest rule: { $rule }.
report-weakest-none = No rule broken in these calls.
report-trainee-paused = Paused { $pauses ->
    [one] once
   *[other] { $pauses } times
} during these calls, { $minutes } min in all (a pause stops the clock; it is not dead air).
report-trainee-more-time = More time to answer (an accommodation) on { $calls ->
    [one] one call
   *[other] { $calls } calls
}: { $factors }. The pause window and the dead-air limit were that much longer; everything else was scored as usual.
report-trainee-left = Left { $left ->
    [one] one call
   *[other] { $left } calls
} before it ended (not counted as attempts).
report-scores-chart = Score of each call, in the order played
report-col-earlier = Earlier calls: broken / judged
report-col-recent = Recent calls: broken / judged
report-trend-better = better
report-trend-worse = worse
report-trend-same = no change
report-tier-reached = Tier { $tier } opened after { $calls ->
    [one] one call
   *[other] { $calls } calls
} and { $days ->
    [one] one day
   *[other] { $days } days
}.

## Skipped files.
report-section-skipped = Skipped files
report-skipped-explain = Files in the data folder that could not be used. Nothing in them is counted.
report-skipped-none = None: every file was read.
report-col-file = File
report-col-why = Why
report-skip-profile = The profile cannot be read ({ $detail }); the trainee's calls are still counted from their session files.
report-skip-profile-backup = The profile cannot be read ({ $detail }); its backup gave the trainee's tier, and their calls are counted from their session files.
report-skip-set-aside = A damaged profile the game set aside after restoring it from its backup.
report-skip-unfinished = An unfinished save, left by an interrupted write.
report-skip-foreign = Not a Hold the Line file.
report-skip-not-session = Not a session file (sessions are .json files).
report-skip-folder = A folder inside a trainee's folder.
report-skip-unreadable = The file cannot be read ({ $detail }).
report-skip-session = Not a session file this version can read ({ $detail }).
report-lrs-source = Learning record store: { $endpoint }
report-skip-statements = Statements that are not from Hold the Line calls, not counted ({ $detail }).
report-skip-call = A call in the learning record store that cannot be counted ({ $detail }).

## The shifts section.
report-section-shifts = Shifts
report-shifts-explain = Each shift a trainee worked: calls handled and passed, first-contact resolution (first calls whose customer did not call again), call-backs made on time, average handle time (talk and after-call work), the share of callers answered within the target, and the trainee's peak strain.
report-shifts-none = No shift was worked in this period.
report-col-shift = Shift
report-col-day = Day
report-col-fcr = First-contact resolution
report-col-promises = Call-backs on time
report-col-handle-time = Average handle time
report-col-service-level = Service level
report-col-strain = Peak strain
report-col-shift-result = Result
report-shift-passed = passed
report-shift-not-passed = not passed

## A case's map (`hold-the-line map`, and the cohort maps in the report)
map-start = start
map-agent-first = (the agent speaks first)
map-unreached = no path enters it
map-ending-passes = can pass
map-ending-fails = cannot pass
map-scores = Pass mark { $pass } · best score { $best } · worst score { $worst }
map-explored-in-part = explored in part
map-key-right = right reply
map-key-mixed = mixed
map-key-wrong = wrong reply
map-key-neutral = no rule
map-key-best = best path
map-key-never-passes = on no passing path
map-key-most-chosen-wrong = wrong reply chosen most
map-cohort = arrow width: share of { $calls ->
    [one] the one call
   *[other] { $calls } calls
}
map-reply-title = Reply { $number }: { $text }
map-follows = Follows: { $rules }
map-breaks = Breaks: { $rules }
map-chosen = Chosen { $times ->
    [one] once
   *[other] { $times } times
}
