# The game's own words: buttons, headings, hints, statuses. Same ids in every language.
# Key names in hints (Esc, Enter, Tab, 1-4, S/E/F, P, R, N) are written as the keys are labelled.
app-title = Hold the Line

## Shared words.
back-to-list = Back to the list  (Esc)
channel-phone = phone
channel-chat = chat
channel-front-desk = front desk
# Between the items of a list of rule names.
list-separator = {"; "}
customer-fallback = The customer

## Title screen.
title-tagline = Practise calls with angry customers. Listen, lower your voice, own the problem.
title-name-label = Your name
title-sign-in = Sign in  (Enter)
title-one-profile = One profile per name: your progress is kept under it.
title-continue-as = Continue as { $name }
title-more-profiles = { $count ->
    [one] One more saved profile: type the name above to continue it.
   *[other] { $count } more saved profiles: type the name above to continue one.
}
title-guest = Practise as a guest
title-quit = Quit
title-saved-in = Progress is saved in
title-name-first = Type your name first, then press Enter.
title-open-failed = Could not open { $name }'s progress: { $error }

## Notices on the case list.
notice-recovered = Your progress file was damaged, so it was restored from the last good copy. Anything from your very last session may be missing. The damaged file is kept at { $path }.
notice-save-failed = Your progress could not be saved: { $error }

## Case list.
select-title = Choose a case
select-signed-in = Signed in as { $name }
select-guest = Practising as a guest: nothing is saved
select-sign-out = Sign out  (Esc)
select-keys = { $rule }  Keys: 1-4 switch tier, arrows or Tab move, Enter opens.
select-more-below = More cases below: scroll, or Page Down
select-no-cases = No cases in this tier yet.
tab-open = Tier { $tier }  ({ $passed }/{ $cases } passed)
tab-locked = Tier { $tier }  (locked)
case-passed = Passed. Best { $score } ({ $grade }), { $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
}
case-not-passed = Not passed yet. Best { $score }, { $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
}
case-new = New. Pass mark { $mark }
case-summary = { $channel } · { $summary }
broken-title = { $file } could not be loaded ({ $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
})
broken-detail = { $summary } Run `hold-the-line check` for details.
broken-detail-kept = { $summary } The last good version is still playable. Run `hold-the-line check` for details.

## Brief.
brief-heading = Tier { $tier } · { $channel } · pass mark { $mark }
brief-customer = The customer: { $name }
brief-how-to-play = How to play
brief-rules-phone = The customer's words appear as they speak them. Answer with the number keys 1-4 or a click. Answer while they are still shouting and you interrupt them; the pause after an outburst is your cue. Choose your voice with S (soft), E (even), F (firm) before you answer. Don't leave them in silence. P pauses the call if real life interrupts (a paused call is not dead air).
brief-rules-chat = The customer's messages appear as they type them. Answer with the number keys 1-4 or a click. Send while they are still typing in capitals and you cut them off; wait until they stop. Choose your tone with S (warm), E (neutral), F (curt) before you answer. Don't leave them waiting. P pauses the chat if real life interrupts (a paused chat is not dead air).
brief-start-phone = Take the call  (Enter)
brief-start-chat = Open the chat  (Enter)
brief-start-desk = Serve the customer  (Enter)
brief-last-attempts = Your last attempts: { $attempts }
brief-attempt-passed = { $when }:  { $score } (passed)
brief-attempt-not-passed = { $when }:  { $score } (not passed)
brief-attempt-left = { $when }: left before the end
brief-attempt-when = { $day } { $time }
brief-replies-as = { $gender ->
    [female] Your reply cards speak in a woman's words.
   *[other] Your reply cards speak in a man's words.
}
brief-switch-speaker = { $gender ->
    [female] Use a man's words
   *[other] Use a woman's words
}
brief-more-time-off = Time to answer: as the case sets it.
brief-more-time-on = More time to answer: ×{ $factor } for the pause and before dead air (your trainer sees it).
brief-more-time-switch = More time (T)
brief-lines = { $at-once ->
    [yes] The customer's lines appear whole, without shaking.
   *[no] The customer's lines appear word by word.
}
brief-lines-switch = { $at-once ->
    [yes] Word by word (W)
   *[no] Whole lines (W)
}
brief-text-size = Text size: { $percent }% (Ctrl with + or - changes it on any screen).
brief-text-size-switch = Text size (Z)

## Call screen.
call-subtitle = { $title } · { $channel }
call-incoming-phone = Incoming call: { $name }
call-incoming-chat = New chat from { $name }
call-incoming-desk = { $name } comes up to the desk
call-pause = Pause  (P)
call-paused = Paused. The clock is stopped.
call-resume = Resume  (P)
call-leave = Leave the call  (L)
call-leave-note = Leaving goes back to the case list. The call is kept as left, not as a failed attempt.
call-ended = Call ended: { $kind }. { $text }
chat-ended = Chat ended: { $kind }. { $text }
line-cut-off = { $name } (after you cut in)
line-was-cut = { $name } (cut off)
line-after-silence = { $name } (after your silence)
line-into-silence = { $name } (into the silence)
line-shouting-in-chat = { $name } (in capitals)
line-shouting = { $name } (shouting)
line-heated = { $name } (heated)
line-voice-raised = { $name } (voice raised)
you-typing-over = You, { $voice }, while they were typing
you-interrupting = You, { $voice } voice, interrupting
you-tone = You, { $voice }
you-voice = You, { $voice } voice
status-venting-cue = { $name } is venting. Let them finish.
status-venting = { $name } is venting.
status-typing = { $name } is typing
status-talking = { $name } is talking
status-paused = Paused
status-cue-chat = They stopped typing: your cue
status-cue = A pause: your cue to speak
status-your-turn = Your turn
status-silence = Pause missed: answer now · silence { $seconds } s
status-you-typing = You are typing
status-you-speaking = You are speaking
status-chat-over = The chat has ended
status-call-over = The call has ended
voice-title = Voice:
tone-title = Tone:
voice-button = { $voice }  ({ $key })
voice-soft = soft
voice-even = even
voice-firm = firm
tone-warm = warm
tone-neutral = neutral
tone-curt = curt
hint-chat = Answer with 1-4. Wait until they stop typing; answer capitals warmly.
hint-phone = Answer with 1-4. Wait for the pause; answer a shouting customer softly.
hint-short = Answer with 1-4.
meter-anger = anger
meter-trust = trust
meter-patience = patience
meters-why = Why they moved
meter-change = { $delta } { $meter }
meter-moved = { $changes }: { $reason }

## Debrief.
debrief-passed = PASSED
debrief-not-passed = NOT PASSED
debrief-verdict = { $verdict } · { $title }
debrief-grade = grade { $grade }
debrief-unfinished = Unfinished
debrief-outcome = { $kind }: { $text }
debrief-more-time = More time to answer was on (×{ $factor }): the pause window and the dead-air limit were longer; everything else was scored as usual.
debrief-pass-mark = Pass mark { $mark }.
debrief-parts = Outcome { $outcome }/{ $outcome-of } · Conduct { $conduct }/{ $conduct-of } · Customer's mood { $mood }/{ $mood-of }.
debrief-saved = Saved to your progress.
debrief-guest = Guest session: not saved.
debrief-save-failed = Could not save this result: { $error }
debrief-tier-open = New cases unlocked: tier { $tier } is open.
debrief-retry = Retry  (R)
debrief-next = Next case  (N)
scroll-hint = Scroll with the mouse wheel or the arrow keys.
checklist-title = The guidance, call by call
mark-followed = FOLLOWED
mark-broken = BROKEN
mark-mixed = MIXED
checklist-at = at { $time }: { $what }
checklist-you-said = you said "{ $reply }"
chart-title = Anger and trust over the call
chart-legend = Red: anger, with a faint line where they give up. Blue: trust. Marks along the bottom: a rule broken (red) or followed (green).
transcript-title = The call, line by line
transcript-customer = { $time }  { $name }: { $text }
transcript-you = { $time }  You ({ $voice }, { $timing }): { $text }
transcript-voice = { $voice } voice
transcript-tone = { $voice } tone
transcript-ended = Ended: { $kind }. { $text }
better-title = A better reply here:
better-quote = "{ $text }"
better-why = Why: { $why }.
better-avoids = it doesn't break: { $rules }
better-follows = it follows: { $rules }
broken-at = Line { $line }, column { $column }: { $problem }

## The call's first-time guide and the cards' waiting line
cards-listen = Listen: your cards appear as they speak.
onboard-title = Your first call: how this screen works
onboard-talk = What the customer says appears in the conversation; their anger, trust and patience move beside it.
onboard-cards = Your reply cards appear below as they speak: read them while they talk.
onboard-cue = Wait for the cue: the line at the top turns green ("A pause: your cue to speak") and a bar starts to run out. Answer with 1-4 before it empties. Earlier is interrupting; once it has run out the pause is missed and your answer is late (the line at the top says so), and a long silence is dead air.
onboard-voice = Choose how you say it: S soft, E even, F firm. A shouting customer needs a soft voice.
onboard-pause = P or Esc pauses the call; from the pause you can leave it.
onboard-start = Start the call  (Enter)

## Both saved files damaged
title-damaged = The saved progress for { $name } cannot be read: the file and its backup are both damaged. Nothing has been changed or deleted. You can start afresh under the same name; the damaged files are kept aside for your trainer.
title-start-afresh = Start afresh under this name
notice-started-afresh = A fresh profile was started. The damaged progress files are kept at: { $paths }

## The debrief: how to say the right words, and where a line was cut
better-title-same = The right words, said differently:
better-same = The same words, { $how }.
better-said-how = And say it { $how }.
how-in-the-pause = in the pause
how-softly = softly
how-warmly = warmly
how-pause-and-softly = in the pause, softly
how-pause-and-warmly = in the pause, warmly
transcript-cut = { $heard }— [you cut in here; not heard: { $rest }]
notice-lrs-problem = Your results are saved here, but could not be queued for your company's learning system: { $error }. Tell your trainer.

## My progress
select-progress = My progress  (M)
progress-title = My progress
progress-back = Back to the list  (Esc)
progress-rules = { $count ->
    [one] Your rules in your last call
   *[other] Your rules over your last { $count } calls
}
progress-rule-counts = followed { $followed } · broken { $broken }
progress-weakest = { $rule } (you break this one most)
progress-cases = Your cases
progress-case-line = { $title }: best { $score } · attempts { $attempts } · { $state }
progress-case-left = { $title }: left before the end { $left ->
    [one] once
   *[other] { $left } times
} · not played to the end yet
progress-passed = passed
progress-not-passed = not passed yet
progress-next = Practise next
progress-next-why = { $title }: it practises "{ $rule }", the rule you broke most in your last calls.
progress-next-open = Open this case  (Enter)
progress-empty = Play a case to see your progress here.
progress-no-next = Nothing to practise: you broke no rule in your last calls.

## Shift mode: a run of calls against a clock.
select-shift = Take a shift  (S)
shift-clock = { $clock } · call { $calls }
shift-queue = Queue
shift-waiting = { $count ->
    [0] Nobody is waiting
    [one] 1 caller waiting
   *[other] { $count } callers waiting
}
shift-longest-wait = Longest wait: { $wait }
shift-tasks = Your call-backs
shift-no-tasks = No call-back promised.
shift-task = Call back about "{ $title }" at { $due }
shift-calls = Your calls
shift-no-calls = No call yet.
shift-call-row = { $clock }  { $title }: { $score }, { $result }
shift-passed = passed
shift-not-passed = not passed
shift-kind-follow-up = your call-back
shift-kind-call-back = calling again
shift-strain = Your strain: { $strain } of 100
shift-strain-hint = Shouting callers raise it; a break lowers it, but the queue waits.
shift-answer = Answer the next caller  (Enter)
shift-call-back = Call back now  (Enter)
shift-break-due = Take your break  (Enter)
shift-wait = Wait for the next caller  (Enter)
shift-results = See how the shift went  (Enter)
shift-take-break = Short break  (B)
shift-leave = Leave the shift  (Esc)
acw-title = After-call work
acw-heading = "{ $title }", { $clock }
acw-ending = How did the call end?
acw-promise = Did you promise a call-back? When?
acw-no-promise = No promise
acw-at = at { $clock }
acw-save = Save and go back to the queue  (Enter)
acw-skip = Skip  (Esc)
acw-hint = The time you spend here counts in your handle time. A call-back you do not write down will not be in your queue.
shift-result-title = How the shift went
shift-result-passed = Shift passed
shift-result-not-passed = Shift not passed
shift-result-handled = Calls handled: { $handled } ({ $passed } passed)
shift-result-handle-time = Average handle time (talk and after-call work): { $time }
shift-result-fcr = First-contact resolution: { $share } ({ $repeats ->
    [0] nobody called again
    [one] 1 customer called again
   *[other] { $repeats } customers called again
})
shift-result-promises = Call-backs made on time: { $kept } of { $made }
shift-result-service = Answered within { $seconds } s: { $share }; longest wait { $wait }
shift-result-abandoned = Hung up in the queue: { $count }
shift-result-strain = Your strain peaked at { $peak }; { $hard ->
    [one] 1 hard call
   *[other] { $hard } hard calls
}; { $breaks ->
    [one] 1 break
   *[other] { $breaks } breaks
}
shift-result-chart = Score (bar) and your strain after it (thin bar), call by call
shift-result-composure = After a hard call you scored { $after } on average, otherwise { $others }.
shift-result-composure-dropped = Your conduct dropped after hard calls: take a breath (or a break) before the next one.
shift-result-rule = Rule broken most: { $rule } ({ $times })
shift-result-why = What to work on
shift-shortfall-calls = { $share } of your calls passed; { $needed } needed.
shift-shortfall-promises = { $share } of your call-backs were made on time; { $needed } needed.
shift-shortfall-service = { $share } of callers were answered in time; { $needed } needed.
shift-shortfall-fcr = { $share } of first calls needed no call again; { $needed } needed.
shift-shortfall-none = No call was handled.
shift-result-back = Back to the cases  (Enter)
progress-shifts = Your last shifts: { $shifts }
progress-shift = { $title }, { $day }: { $result } ({ $calls ->
    [one] 1 call
   *[other] { $calls } calls
})
