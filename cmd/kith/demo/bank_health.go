package demo

func init() { register(healthBank) }

// healthBank covers mental wellbeing, living with a condition, habits, grief,
// caring and safety.
var healthBank = map[string][]tpl{
	"mental-wellbeing": {{
		names: []string{"{place} Wellbeing Café", "Wellbeing {Day}s", "Feel Good Group", "Recovery College Taster"},
		opens: []string{
			"A relaxed drop-in at {venue} {when} for anyone who is feeling low, stressed or a bit stuck.",
			"Our wellbeing café offers a friendly space {when} to talk, try something new and feel part of something.",
		},
		details: []string{
			"Some weeks there is a short talk on sleep, stress or managing worry; other weeks it is crafts and a chat.",
			"Staff and volunteers can also help you find counselling, peer support or activities nearby.",
			"You do not need a diagnosis or a referral, and nobody will ask you to talk about anything you do not want to.",
		},
		also: []string{"peer-support", "loneliness"}, slots: "am pm", who: []string{"adults", "young"}, cost: "free",
	}, {
		names: []string{"Five Ways to Wellbeing Course", "Stress Less Course", "Building Resilience Workshop"},
		opens: []string{
			"A free six-week course at {venue} {when} on simple, practical ways to look after your mental health.",
			"Learn how stress affects you and what you can do about it, in a small friendly group {when}.",
		},
		details: []string{
			"Each week covers one topic, such as connecting with others, keeping active or noticing the good things.",
			"It is not therapy, just practical ideas, and you are welcome to bring a friend.",
		},
		weekly: true,
		also:   []string{"adult-learning", "mindfulness"}, slots: "am pm eve", who: []string{"adults"}, cost: "free",
	}},
	"talking-support": {{
		names: []string{"Listening Ear Drop-In", "Talk to Us", "Open Door Listening Service"},
		opens: []string{
			"Trained volunteer listeners are available at {venue} {when} for a confidential one-to-one chat.",
			"If something is weighing on your mind, pop in to {venue} {when} and talk it through with one of our listeners.",
		},
		details: []string{
			"We will not judge or tell you what to do; we listen, and help you think about what might help.",
			"Conversations are private and last as long as you need, usually up to an hour.",
		},
		also: []string{"mental-wellbeing"}, slots: "am pm eve", who: []string{"adults", "young"}, cost: "free",
	}, {
		names: []string{"Low-Cost Counselling", "Community Counselling Service", "Counselling for Young People"},
		opens: []string{
			"Six to twelve sessions of one-to-one counselling with a qualified counsellor at {venue}.",
			"Affordable counselling for people on low incomes, with appointments {when}.",
		},
		details: []string{
			"After a first assessment we usually offer a weekly appointment within a few weeks.",
			"Our counsellors work with anxiety, depression, relationship problems, trauma and loss.",
		},
		also: []string{"mental-wellbeing"}, slots: "day eve", who: []string{"adults", "young"}, cost: "paid",
	}, {
		names: []string{"Listening Line", "Support Line", "Talk Line"},
		opens: []string{
			"A confidential phone line answered by trained volunteers {hours}.",
			"Ring our support line when things feel too much and someone will listen without judging.",
		},
		details: []string{
			"We are not a crisis service; if you are in danger now please ring 999, or NHS 111 and choose the mental health option.",
			"Calls are anonymous, and you can ring as often as you need.",
		},
		also: []string{"mental-wellbeing", "loneliness"}, slots: "eve day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}, {
		names: []string{"Lads' Talk", "Men's Mental Health Group", "Mates' Night"},
		opens: []string{
			"A place for men to talk about how they are really doing, {when} at {venue}.",
			"Men's talking group {when}: no sofas, no psychobabble, just a brew and honest conversation.",
		},
		details: []string{
			"It was started by local men who lost friends to suicide and wanted to do something about it.",
			"Some lads talk, some listen, and everyone is welcome back next week.",
		},
		also: []string{"peer-support", "mental-wellbeing"}, slots: "eve", who: []string{"men"}, cost: "free",
	}},
	"mindfulness": {{
		names: []string{"Mindfulness for Beginners", "Drop-In Meditation", "Relax and Unwind", "Breathing Space"},
		opens: []string{
			"A calm, guided mindfulness session at {venue} {when}, suitable for complete beginners.",
			"Take an hour out of your week to slow down and breathe, {when} at {venue}.",
		},
		details: []string{
			"We practise simple breathing and body-scan exercises sitting on chairs, with mats if you prefer.",
			"People come to help with sleep, stress, pain or just to have some quiet time.",
		},
		also: []string{"mental-wellbeing"}, slots: "am eve", who: []string{"adults"},
	}, {
		names: []string{"Online Mindfulness Course", "Mindful Evenings on Zoom"},
		opens: []string{
			"An eight-week mindfulness course taught live by video call {when}.",
		},
		details: []string{
			"Each week has a short practice to try at home, and audio recordings to help.",
			"Groups are small so the teacher can answer questions.",
		},
		weekly: true,
		also:   []string{"mental-wellbeing"}, slots: "eve", who: []string{"adults"}, modes: []string{"online"}, cost: "paid",
	}},
	"healthy-living": {{
		names: []string{"Health Check Drop-In", "Healthy Heart Café", "Know Your Numbers"},
		opens: []string{
			"Free blood pressure checks and healthy living advice at {venue} {when}.",
			"A drop-in at {venue} {when} where a health trainer can check your blood pressure and talk about small changes.",
		},
		details: []string{
			"You do not need an appointment, and if anything needs following up we will help you contact your GP.",
			"Health trainers can also help you set goals on food, activity, smoking or alcohol.",
		},
		also: []string{"condition-support"}, slots: "am pm", who: []string{"adults", "over50"}, cost: "free",
	}, {
		names: []string{"Living Well Programme", "Self-Management Course", "Live Well With a Long-Term Condition"},
		opens: []string{
			"A six-week course at {venue} {when} for people living with a long-term health condition.",
			"Learn practical ways to manage pain, tiredness and low mood, in a friendly group {when}.",
		},
		details: []string{
			"The course is led by tutors who live with long-term conditions themselves.",
			"You will make a weekly action plan and get support from others in the group.",
		},
		weekly: true,
		also:   []string{"condition-support", "adult-learning"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}},
	"condition-support": {{
		names: []string{"{place} {Cond} Support Group", "{Cond} Friends", "{Cond} Support Café"},
		opens: []string{
			"A friendly support group at {venue} {when} for people living with {cond} and their families.",
			"Meet others living with {cond}, share tips and get the latest information, {when} at {venue}.",
		},
		details: []string{
			"Each month there is a guest speaker, such as a specialist nurse, a physiotherapist or a benefits adviser.",
			"Between talks it is a chance to chat with people who understand what you are going through.",
			"Partners and carers are very welcome, and there is a separate carers' corner if they want some time together.",
		},
		also: []string{"peer-support", "healthy-living"}, slots: "am pm eve", who: []string{"condition"}, cost: "free",
	}, {
		names: []string{"Memory Café", "{place} Memory Café", "Forget Me Not Café"},
		opens: []string{
			"A warm, relaxed café at {venue} {when} for people living with memory problems or dementia, and those who care for them.",
		},
		details: []string{
			"There is music, reminiscence, gentle activities and time to chat with others in the same boat.",
			"An Admiral Nurse visits once a month to answer questions.",
		},
		also: []string{"carers", "social-groups"}, slots: "am pm", who: []string{"over65", "anyone"}, cost: "free", not: []string{"condition"},
	}, {
		names: []string{"Better Breathing Club", "Breathe Better Group", "Singing for Lung Health"},
		opens: []string{
			"A friendly group at {venue} {when} for people living with COPD, asthma and other lung conditions.",
		},
		details: []string{
			"We do gentle breathing exercises and seated activity, and sometimes sing.",
			"Members share tips on inhalers, pacing and keeping well through the winter.",
		},
		also: []string{"gentle-exercise", "peer-support"}, slots: "am pm", who: []string{"adults", "over50"}, cost: "free", not: []string{"condition"},
	}},
	"stop-smoking": {{
		names: []string{"Stop Smoking Clinic", "Quit Smoking Drop-In", "Smokefree {place}"},
		opens: []string{
			"Free one-to-one support to stop smoking at {venue} {when}, with an NHS-trained adviser.",
			"Drop in to {venue} {when} to talk to an adviser about quitting, with no lecture.",
		},
		details: []string{
			"You will get weekly check-ins and free nicotine replacement or a vape starter kit.",
			"With support you are around three times more likely to quit for good than going it alone.",
		},
		also: []string{"healthy-living"}, slots: "am pm eve", who: []string{"adults"}, venue: "gp_surgery", cost: "free",
	}, {
		names: []string{"Stop Smoking Phone Support", "Quit Line"},
		opens: []string{
			"Weekly phone appointments with a stop smoking adviser, {hours}.",
		},
		details: []string{
			"We post out nicotine replacement or a vape kit, so you do not need to come in.",
			"Pregnant women and their partners are seen as a priority.",
		},
		also: []string{"healthy-living"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
	"weight-management": {{
		names: []string{"Weigh and Walk", "Healthy Weight Group", "Eat Well, Move More", "Shape Up {place}"},
		opens: []string{
			"A friendly weight management group at {venue} {when}, with a private weigh-in and a short talk.",
			"A twelve-week programme {when} to help you reach a healthier weight without faddy diets.",
		},
		details: []string{
			"Each week covers one topic, such as portion sizes, reading labels or eating well on a budget.",
			"Many sessions finish with a gentle walk for anyone who wants to stretch their legs.",
		},
		weekly: true,
		also:   []string{"healthy-living", "physical-activity"}, slots: "am pm eve", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Online Healthy Weight Course", "Healthy Weight Online"},
		opens: []string{
			"A weight management course run by video call {when}, for people who find it hard to get to a group.",
		},
		details: []string{
			"Sessions are led by a dietitian and include recipes and simple home exercises.",
		},
		weekly: true,
		also:   []string{"healthy-living"}, slots: "eve", who: []string{"adults"}, modes: []string{"online"}, cost: "free",
	}},
	"substance-use": {{
		names: []string{"Recovery Café", "{place} Recovery Group", "Sober Social", "Recovery Connections"},
		opens: []string{
			"A friendly, alcohol-free space at {venue} {when} for anyone in recovery from drink or drugs.",
			"Our recovery café is run by people in recovery, for people in recovery, {when} at {venue}.",
		},
		details: []string{
			"Come as you are, whatever stage you are at, for food, a brew and a chat with people who understand.",
			"We also run mutual aid meetings and help people back into volunteering, training and work.",
		},
		also: []string{"peer-support"}, slots: "am eve wkend", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Alcohol Advice Drop-In", "Drink Less Clinic", "Worried About Your Drinking?"},
		opens: []string{
			"Confidential advice at {venue} {when} if you are worried about your drinking or someone else's.",
		},
		details: []string{
			"A worker can talk through what you are drinking, what might help and how to cut down safely.",
			"We can refer you on for detox or counselling if you need more support.",
		},
		also: []string{"healthy-living"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Family Support Line", "Concerned Others Helpline"},
		opens: []string{
			"Phone support {hours} for families and friends of people who use alcohol or drugs.",
		},
		details: []string{
			"You do not have to cope on your own, and you do not need the person you are worried about to be getting help.",
		},
		also: []string{"carers"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
	"bereavement": {{
		names: []string{"Bereavement Café", "{place} Bereavement Support Group", "After Loss Drop-In", "Coffee and Comfort"},
		opens: []string{
			"A gentle, informal café at {venue} {when} for anyone who has lost someone close.",
			"Grief can be lonely; our bereavement group meets {when} at {venue} so you do not have to face it alone.",
		},
		details: []string{
			"It does not matter how long ago your loss was, or how it happened.",
			"Trained volunteers are on hand, but mostly it is people who have been there themselves, supporting each other.",
		},
		also: []string{"peer-support", "talking-support"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Bereavement Support by Phone", "Grief Support Calls"},
		opens: []string{
			"Regular phone calls with a trained bereavement volunteer, arranged at a time that suits you.",
		},
		details: []string{
			"Support usually lasts up to eight sessions, and you can ring our office {hours} to ask for a call.",
		},
		also: []string{"talking-support"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
	"carers": {{
		names: []string{"Carers' Café", "{place} Carers Group", "Time for You Carers' Club", "Carers' Pamper Session"},
		opens: []string{
			"A chance for unpaid carers to have a break, a brew and a chat, {when} at {venue}.",
			"If you look after someone, come along to our carers' group {when} and meet others who understand.",
		},
		details: []string{
			"There are regular visits from advisers on benefits, carer's assessments and planning for emergencies.",
			"The person you care for is welcome to come with you, and volunteers can keep them company while you have some time.",
		},
		also: []string{"peer-support", "loneliness"}, slots: "am pm", who: []string{"carers"}, cost: "free",
	}, {
		names: []string{"Carers' Support Line", "Carer Advice by Phone"},
		opens: []string{
			"Advice and a listening ear for unpaid carers by phone, {hours}.",
		},
		details: []string{
			"We can help with carer's allowance, respite, carer's assessments and just getting things off your chest.",
		},
		also: []string{"benefits-advice"}, slots: "day", who: []string{"carers"}, modes: []string{"phone"}, cost: "free",
	}, {
		names: []string{"Young Carers Club", "Young Carers' Night"},
		opens: []string{
			"A fun evening at {venue} {when} for young people who help look after someone at home.",
		},
		details: []string{
			"Games, food, trips and time to be young, with youth workers who understand what caring involves.",
		},
		also: []string{"families"}, slots: "eve", who: []string{"youngcarers"}, cost: "free",
	}},
	"domestic-abuse": {{
		names: []string{"Women's Support Group", "Freedom Programme", "Moving On Group"},
		opens: []string{
			"A confidential group for women affected by domestic abuse, {when} at a safe venue in {area}.",
			"A twelve-week course {when} to help women understand abusive relationships and rebuild confidence.",
		},
		details: []string{
			"The venue address is given after a phone call with one of our workers, to keep everyone safe.",
			"A free crèche is available if you book it in advance.",
		},
		weekly: true,
		also:   []string{"peer-support"}, slots: "am pm", who: []string{"women"}, cost: "free",
	}, {
		names: []string{"Domestic Abuse Helpline", "Safety Advice Line"},
		opens: []string{
			"Confidential advice and safety planning by phone {hours}, for anyone affected by domestic abuse.",
		},
		details: []string{
			"If you are in immediate danger, ring 999; if you cannot speak, press 55 when asked.",
			"Our workers can help with refuge places, legal options and support for children.",
		},
		also: []string{"advice-rights", "housing"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
}
