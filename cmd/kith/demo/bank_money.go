package demo

func init() { register(moneyBank) }

// moneyBank covers money, housing, work, learning, rights and getting online.
var moneyBank = map[string][]tpl{
	"money-debt": {{
		names: []string{"Money Matters Drop-In", "Cost of Living Help Point", "Money Worries Café"},
		opens: []string{
			"Struggling to make ends meet? Drop in to {venue} {when} for free, friendly help with money worries.",
			"A cost of living help point at {venue} {when}, with advice on bills, benefits, debts and grants.",
		},
		details: []string{
			"Bring any letters or bills you are worried about and we will go through them with you.",
			"We can check you are getting everything you are entitled to and refer you for specialist debt advice if needed.",
		},
		also: []string{"benefits-advice", "energy-advice"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Budgeting Course", "Making Money Go Further", "Money Know-How"},
		opens: []string{
			"A short, practical budgeting course at {venue} {when}.",
			"Learn to plan a budget, spot scams and save a little, in a friendly group {when}.",
		},
		details: []string{
			"Each session is an hour and a half, and there is no homework or judgement.",
			"Everyone who finishes gets a budget planner and a list of local help.",
		},
		weekly: true,
		also:   []string{"adult-learning"}, slots: "am pm eve", who: []string{"adults", "young"}, cost: "free",
	}},
	"debt-advice": {{
		names: []string{"Debt Advice Drop-In", "Free Debt Advice", "Debt Advice Clinic"},
		opens: []string{
			"Free, confidential debt advice at {venue} {when}, from advisers regulated by the FCA.",
			"Worried about debts, arrears or bailiffs? See a trained adviser at {venue} {when}.",
		},
		details: []string{
			"We can deal with creditors for you, set up affordable payment plans and look at options such as debt relief orders.",
			"Please bring any letters, bank statements and details of your income if you can.",
		},
		also: []string{"money-debt"}, slots: "am pm", who: []string{"adults"}, venue: "office", cost: "free",
	}, {
		names: []string{"Debt Advice Line", "Telephone Debt Advice"},
		opens: []string{
			"Free debt advice by phone {hours}, with an appointment usually within a week.",
		},
		details: []string{
			"Our advisers can talk to the people you owe money to and help you work out a plan you can stick to.",
		},
		also: []string{"money-debt"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
	"benefits-advice": {{
		names: []string{"Benefits Advice Surgery", "Welfare Rights Drop-In", "Benefits Check-Up"},
		opens: []string{
			"Free help with benefit claims, forms and appeals at {venue} {when}.",
			"Not sure what you are entitled to? A welfare rights adviser is at {venue} {when} to do a full benefits check.",
		},
		details: []string{
			"We help with Universal Credit, PIP, Attendance Allowance and Pension Credit, and can represent you at tribunal.",
			"Many people we see are missing out on money they are entitled to, sometimes thousands of pounds a year.",
		},
		also: []string{"money-debt", "advice-rights"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Benefits Helpline", "Welfare Rights Phone Line"},
		opens: []string{
			"Benefits advice by phone {hours}, for people who cannot get to one of our drop-ins.",
		},
		details: []string{
			"We can fill forms in with you over the phone and post them for signing.",
		},
		also: []string{"money-debt"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
	"energy-advice": {{
		names: []string{"Energy Advice Drop-In", "Warm Homes Advice", "Energy Bill Help"},
		opens: []string{
			"Help with gas and electricity bills, meters and energy debts at {venue} {when}.",
			"Bring your latest energy bill to {venue} {when} and an energy adviser will check you are on the best deal.",
		},
		details: []string{
			"We can apply for grants, the Warm Home Discount and help with prepayment meter top-ups.",
			"Advisers also share simple tips for keeping warm for less.",
		},
		also: []string{"money-debt"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Home Energy Visits", "Warm and Well at Home"},
		opens: []string{
			"An energy adviser can visit you at home across {area} to look at heating, draughts and bills.",
		},
		details: []string{
			"We prioritise older people, families with young children and people whose health is made worse by the cold.",
			"Small measures like radiator panels and draught excluders can be fitted free on the day.",
		},
		also: []string{"housing", "money-debt"}, slots: "day", who: []string{"adults", "over65"}, modes: []string{"home_visit", "phone"}, cost: "free",
	}},
	"housing": {{
		names: []string{"Tenants' Drop-In", "Housing Help Point", "Home Improvement Help"},
		opens: []string{
			"A drop-in at {venue} {when} for tenants with questions about repairs, rent or neighbours.",
			"Help to make your home safer and easier to live in, with advice {when} at {venue}.",
		},
		details: []string{
			"We can help you report disrepair, apply for adaptations such as grab rails and find a handyperson.",
			"Our volunteers know the local housing associations and can chase things up with you.",
		},
		also: []string{"housing-advice"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}},
	"housing-advice": {{
		names: []string{"Housing Advice Drop-In", "Private Renters' Advice", "Tenancy Support"},
		opens: []string{
			"Free housing advice at {venue} {when} on rent arrears, disrepair, eviction notices and finding somewhere to live.",
			"Had a notice from your landlord? Come and see a housing adviser at {venue} {when}.",
		},
		details: []string{
			"We can negotiate with landlords, help with housing register applications and explain your rights.",
			"If you are at risk of losing your home, please come in as early as you can.",
		},
		also: []string{"housing", "advice-rights"}, slots: "am pm", who: []string{"adults"}, venue: "office", cost: "free",
	}, {
		names: []string{"Housing Advice Line", "Tenancy Helpline"},
		opens: []string{
			"Housing advice by phone {hours}.",
		},
		details: []string{
			"An adviser will call you back the same day if all our lines are busy.",
		},
		also: []string{"housing"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
	"homelessness": {{
		names: []string{"Homeless Drop-In", "Breakfast Club for Rough Sleepers", "Hot Meal and Help"},
		opens: []string{
			"A drop-in at {venue} {when} for people who are homeless or sleeping rough, with hot food, showers and clean clothes.",
			"A free cooked breakfast {when}, with support workers on hand to help with housing and health.",
		},
		details: []string{
			"We can help you get ID, register with a GP, open a bank account and find somewhere to stay.",
			"No referral needed, and you will not be asked awkward questions.",
		},
		also: []string{"food-support", "housing"}, slots: "am", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Night Shelter", "Winter Night Shelter"},
		opens: []string{
			"Emergency overnight beds at {venue}, with check-in {when}.",
		},
		details: []string{
			"Guests get an evening meal, breakfast and a safe, warm bed, and support to move on to somewhere settled.",
			"Please ring first or ask an outreach worker to refer you, as beds are limited.",
		},
		also: []string{"housing"}, slots: "eve", who: []string{"adults"}, cost: "free",
	}},
	"employment-skills": {{
		names: []string{"Back to Work Programme", "Confidence to Work", "Work Ready Course"},
		opens: []string{
			"A friendly course at {venue} {when} for people who have been out of work for a while and want to take the next step.",
			"One-to-one and group support {when} to build confidence, skills and a plan for work.",
		},
		details: []string{
			"We work at your pace and can help with childcare and travel costs while you take part.",
			"Participants have gone on to volunteering, college courses and paid jobs in shops, care and warehouses.",
		},
		weekly: true,
		also:   []string{"job-search", "adult-learning"}, slots: "am pm", who: []string{"adults", "young"}, cost: "free",
	}},
	"job-search": {{
		names: []string{"{place} Job Club", "Job Club", "CV and Application Help", "Work Café"},
		opens: []string{
			"A weekly job club at {venue} {when} with computers, printing and someone to help with applications.",
			"Drop in to {venue} {when} for help writing your CV, searching for jobs and preparing for interviews.",
		},
		details: []string{
			"We keep a board of local vacancies and know which employers are recruiting.",
			"It is informal and friendly, and you can come as often as you like.",
		},
		also: []string{"employment-skills", "digital-skills"}, slots: "am pm", who: []string{"adults", "young"}, cost: "free",
	}, {
		names: []string{"Online Job Coaching", "Virtual Job Club"},
		opens: []string{
			"One-to-one job coaching by video call {when}.",
		},
		details: []string{
			"A coach will help with your CV, applications and practise interview questions with you.",
		},
		also: []string{"employment-skills"}, slots: "am pm", who: []string{"adults", "young"}, modes: []string{"online", "phone"}, cost: "free",
	}},
	"adult-learning": {{
		names: []string{"English Conversation Club", "ESOL for Beginners", "English for Everyday Life"},
		opens: []string{
			"A friendly English conversation class at {venue} {when} for people whose first language is not English.",
			"Learn and practise everyday English at {venue} {when}, from shopping and doctor's appointments to filling in forms.",
		},
		details: []string{
			"Classes are small and relaxed, and the volunteers are patient.",
			"There is a crèche for children under five if you book a place.",
		},
		weekly: true,
		also:   []string{"faith-culture"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Maths for Everyday Life", "Brush Up Your English and Maths", "Family Learning"},
		opens: []string{
			"A free course at {venue} {when} to brush up on the maths and English you use every day.",
			"Gain confidence with numbers and writing, at your own pace, {when} at {venue}.",
		},
		details: []string{
			"You can work towards a qualification if you want one, but there is no pressure.",
			"Tutors are used to working with people who did not enjoy school the first time round.",
		},
		weekly: true,
		also:   []string{"employment-skills"}, slots: "am pm eve", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Online Learning Courses", "Learn from Home"},
		opens: []string{
			"Short online courses {when} on everything from first aid to family history.",
		},
		details: []string{
			"Courses are free for people on a low income, and we can lend a laptop if you need one.",
		},
		weekly: true,
		also:   []string{"digital-skills"}, slots: "eve am", who: []string{"adults"}, modes: []string{"online"},
	}},
	"advice-rights": {{
		names: []string{"Free Legal Advice Clinic", "Advice Drop-In", "Rights at Work Advice"},
		opens: []string{
			"Free advice at {venue} {when} on employment, consumer, family and immigration problems.",
			"A general advice drop-in {when}: if you do not know where to turn, start here.",
		},
		details: []string{
			"Volunteer advisers, supervised by a solicitor, can explain your options and help with letters and forms.",
			"If we cannot help, we will find someone who can.",
		},
		also: []string{"benefits-advice"}, slots: "am pm eve", who: []string{"adults"}, venue: "office", cost: "free",
	}, {
		names: []string{"Immigration Advice Service", "Refugee and Asylum Advice"},
		opens: []string{
			"Free immigration and asylum advice from an OISC-registered adviser at {venue} {when}.",
		},
		details: []string{
			"Interpreters can be booked for appointments in Arabic, Farsi, Kurdish and other languages.",
			"We also help with family reunion, housing and benefits once you have a decision.",
		},
		also: []string{"faith-culture"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}, {
		names: []string{"Advice Line", "Telephone Advice Service"},
		opens: []string{
			"General advice by phone {hours}: debts, benefits, housing, work and consumer problems.",
		},
		details: []string{
			"If your problem needs a face-to-face appointment, we will book one at a venue near you.",
		},
		also: []string{"money-debt"}, slots: "day", who: []string{"adults"}, modes: []string{"phone"}, cost: "free",
	}},
	"digital-skills": {{
		names: []string{"Digital Drop-In", "Get Online Sessions", "Tablet and Smartphone Help", "Tech Help Café"},
		opens: []string{
			"Bring your phone, tablet or laptop to {venue} {when} and our digital champions will help you get the most out of it.",
			"Free help getting online at {venue} {when}: email, video calls, online shopping and NHS app.",
		},
		details: []string{
			"Volunteers are patient and will show you as many times as you need.",
			"If you do not have a device, we have tablets you can borrow to practise on, and free data SIM cards.",
			"We also help with staying safe online and spotting scam emails and texts.",
		},
		also: []string{"adult-learning"}, slots: "am pm", who: []string{"adults", "over50", "anyone"}, cost: "free",
	}, {
		names: []string{"Tech Help at Home", "Digital Buddies"},
		opens: []string{
			"A digital volunteer can visit you at home to help you get set up and confident online.",
		},
		details: []string{
			"We help with video calls to family, repeat prescriptions and online banking.",
		},
		also: []string{"loneliness"}, slots: "day", who: []string{"over65"}, modes: []string{"home_visit", "phone"}, cost: "free",
	}},
}
