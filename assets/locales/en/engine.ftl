# What the engine reports, in words: verdict notes, why a meter moved, why a call did not
# pass, why a case is locked, how a call ended and when a reply came. The engine returns
# typed values; these messages word them.

## Verdict notes: what the trainee did at a moment the rules judge.
note-cut-in = you cut in while they were venting
note-let-them-finish = you let them finish
note-spoke-in-pause = you spoke in the pause
note-missed-pause = you let the pause after their outburst go by
note-answered-promptly = you answered promptly
note-slow-answer = you were slow to answer
note-talked-over = you talked over them before they finished
note-answered-softly = you answered the shouting softly
note-raised-voice = you raised your voice back at them
note-silence = you left them in silence for { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}
# A reply's words followed or broke a rule: the rule's name says what.
note-followed = { $rule }
note-broke = broke "{ $rule }"

## Why a meter moved, when no rule's verdict says it.
reason-soft-voice-drift = your soft voice is bringing them down
reason-raised-voice-drift = they are matching your raised voice
reason-what-you-said = what you said
reason-waited = they waited { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} in the queue
reason-promise-missed = the call-back promised last time never came
reason-called-again = their problem was not solved last time
reason-called-back-as-promised = you called back as promised

## In a chat the voice is a tone: the same verdicts, worded for typing.
note-answered-softly-chat = you answered their shouting in a warm tone
note-raised-voice-chat = you answered their shouting curtly
reason-soft-voice-drift-chat = your warm tone is calming them
reason-raised-voice-drift-chat = they are matching your curt tone

## Why a finished call did not pass.
not-passed-lesson = This case is about "{ $rule }", and you broke it: whatever the ending, the call does not pass.
not-passed-not-settled = A call passes only when it is resolved, a call-back is agreed, or the customer is handed to a supervisor with the case prepared after you tried to help.
not-passed-core-rule = You broke the core rule "{ $rule }" { $times ->
    [one] once
   *[other] { $times } times
}. { $forgiven ->
    [0] At tier { $tier } no core slip is forgiven.
    [one] At tier { $tier } one slip between the four core rules is forgiven; a second fails the call.
   *[other] At tier { $tier } { $forgiven } slips between the four core rules are forgiven, not more.
}
not-passed-core-rules = You broke more than one core rule: { $rules }. { $forgiven ->
    [0] At tier { $tier } no core slip is forgiven.
    [one] At tier { $tier } one slip is forgiven; a call with two fails.
   *[other] At tier { $tier } { $forgiven } slips are forgiven, not more.
}
not-passed-timing = Timing slips: you answered late or left silence { $times ->
    [one] once
   *[other] { $times } times
} (late after an outburst, slow after a calm line, dead air count together). { $forgiven ->
    [0] At tier { $tier } every one counts: the call does not pass.
    [one] At tier { $tier } one is forgiven; more are a habit, so the call does not pass.
   *[other] At tier { $tier } { $forgiven } are forgiven; more are a habit, so the call does not pass.
}
not-passed-below-mark = { $total } is below the pass mark of { $mark }.

## Why a case is locked, and the tier rule.
lock-tier = Pass { $more } more tier { $below } { $more ->
    [one] case
   *[other] cases
} to open tier { $tier }.
lock-requires = Pass first: { $cases }
tier-rule = Pass { $passes ->
    [one] one case
   *[other] { $passes } cases
} of a tier, in any language, to open the next one.

## How a call ended.
ending-resolved = resolved
ending-call-back = call-back scheduled
ending-handover = handed to a supervisor, fully briefed
ending-supervisor = escalated to a supervisor
ending-hung-up = customer hung up
ending-unresolved = unresolved

## When a reply came.
timing-interrupting = interrupting
timing-in-the-pause = in the pause
timing-prompt = prompt
timing-slow = slow
timing-late = late, after dead air

## What a customer says when the scenario wrote nothing: cut off mid-sentence, and into a
## silence (growing louder with each one), on the phone or at the desk and in a chat.
stock-retort-1 = Don't interrupt me! I'm not finished!
stock-retort-2 = Let me finish!
stock-retort-3 = Can you let me finish, please?!
stock-retort-4 = I'm still talking!
stock-nudge-phone-1 = Hello? Are you still there?
stock-nudge-phone-2 = Hello?! Is anyone there?
stock-nudge-phone-3 = Are you even listening?
stock-nudge-desk-1 = Excuse me? I'm standing right here.
stock-nudge-desk-2 = Hello?! Are you going to help me or not?
stock-nudge-desk-3 = Is anyone going to deal with this?
stock-nudge-chat-1 = Hello??
stock-nudge-chat-2 = Are you still there?
stock-nudge-chat-3 = Is anyone actually reading this?
