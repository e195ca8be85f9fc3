# The guidance in English: each rule's name (`rule-ID`) and what it means in play
# (`rule-ID-explanation`), and the rule groups (`group-ID`). Rule ids are the stable ids
# of assets/guidance.ron; the Arabic and Hebrew files carry the same keys.

group-listening = Listening and timing
group-voice = Voice and composure
group-empathy = Empathy and understanding
group-ownership = Ownership and honesty
group-resolution = Resolution

rule-let_them_vent = Don't interrupt
rule-let_them_vent-explanation = Let the customer finish, whether they are venting or explaining. Cutting into an outburst feeds the fire, like pouring petrol on a fire; talking over an explanation tells them you are not listening. Wait until they pause.

rule-answer_in_the_pause = Speak in the pause
rule-answer_in_the_pause-explanation = The pause after an outburst is the cue to speak; that is when a short, calm message lands.

rule-no_dead_air = Don't leave them waiting
rule-no_dead_air-explanation = A slow reply, a long silence or a long hold turns dissatisfaction into anger and tells the customer their time doesn't matter.

rule-lower_your_voice = Lower your voice
rule-lower_your_voice-explanation = Answer a loud or abusive customer softly and very calmly. Shouting back starts a contest for attention; speaking softly makes the customer lower their own voice to hear you.

rule-stay_composed = Listen to the emotion without emotion
rule-stay_composed-explanation = The anger is about the situation, not about you, even when it sounds personal. Don't answer in kind.

rule-respect = Courteous, never condescending
rule-respect-explanation = Be friendly and polite under pressure; never talk down ("calm down", "as I already said").

rule-acknowledge_feelings = Grant the right to be upset
rule-acknowledge_feelings-explanation = Accept that the customer has a right to be angry, before you know the details, and say so.

rule-make_them_heard = Make them feel heard
rule-make_them_heard-explanation = Show that their problem matters and that you took the time to understand it: say it back in your own words, ask what they need.

rule-paraphrase = Repeat back and confirm
rule-paraphrase-explanation = Restate the key points in a soft, steady voice and ask the customer to confirm you understood.

rule-clarify_the_goal = Find out what they want
rule-clarify_the_goal-explanation = Ask questions until you know what outcome they want; a vague complaint hides a concrete wish.

rule-customer_first = Person first, problem second
rule-customer_first-explanation = Calm the emotional problem before working the technical one; fixing only the technical part leaves the customer unsatisfied.

rule-take_ownership = Take ownership
rule-take_ownership-explanation = Whoever caused it, tell the customer you will handle it yourself. Never "that's not my department", "I'm just passing messages on", "you'll have to call someone else".

rule-apologize = Apologise for the company
rule-apologize-explanation = Apologise on your own and the company's behalf, whoever is to blame. If the complaint is justified, open with the apology; if you are not sure, open with thanks.

rule-no_excuses = No excuses
rule-no_excuses-explanation = An excuse deflects the blame and asks the customer to accept it ("we've been very busy", "the system did it"); it irritates. An explanation is different: own what happened, say it in plain words and say what you are doing about it.

rule-be_transparent = Be transparent
rule-be_transparent-explanation = Don't hide information or give wrong information to get out of the moment; admit the shortfall, give regular updates.

rule-plain_language = Plain words
rule-plain_language-explanation = Avoid jargon and "you must / you should" phrasing, which raises the temperature.

rule-real_solution = A real solution
rule-real_solution-explanation = Fix the root cause for this customer, not a stop-gap or a generic answer; where you can, give a little more than was asked (a discount, a resend, a gesture).

rule-set_a_deadline = Give a time
rule-set_a_deadline-explanation = When it can't be solved now, say when you will come back and how long the investigation takes.

rule-never_hang_up = Never hang up on them
rule-never_hang_up-explanation = Don't end a call because the customer is rude. If no agreement is possible, pause the conversation and offer a date and time for a call-back.

rule-polite_firmness = The customer is not always right
rule-polite_firmness-explanation = When the fault turns out to be the customer's, say so tactfully, explain and clear the air; don't agree to everything just to end the call.

rule-supervisor_request = Handle a supervisor request
rule-supervisor_request-explanation = Try to earn the customer's trust and help them yourself, but never refuse or stonewall a request to speak to a supervisor.

rule-thank_them = Thank them for telling you
rule-thank_them-explanation = Thank the customer for raising the problem; it helps the company improve.

rule-follow_up = Follow up
rule-follow_up-explanation = Tell the customer you will check back (a call or message later), and ask how the service was.

rule-greeting = A short, clear greeting
rule-greeting-explanation = Company, your name, how can I help. Long scripted greetings sound like a machine and annoy.
