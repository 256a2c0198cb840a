package bench

// The community words every kind of listing shares, by the slot a sentence
// template puts them in.
var (
	adjectives = []string{"friendly", "welcoming", "relaxed", "informal", "supportive", "inclusive", "small",
		"lively", "warm", "gentle", "fun", "local", "safe", "accessible", "cheerful", "sociable", "practical",
		"popular", "established", "growing", "vibrant", "quiet", "intergenerational", "multicultural", "open",
		"easygoing", "encouraging", "caring", "dedicated", "trusted", "independent", "grassroots", "thriving",
		"busy", "cosy", "bright", "spacious", "patient", "knowledgeable", "experienced", "homely", "peaceful",
		"energetic", "creative", "flexible", "affordable", "reliable", "respectful", "understanding", "lovely"}

	groupWords = []string{"group", "club", "circle", "project", "network", "hub", "cafe", "society", "collective",
		"session", "class", "workshop", "service", "programme", "partnership", "team", "initiative", "gathering",
		"meetup", "forum"}

	audiences = []string{"older people", "adults of all ages", "carers", "veterans", "newcomers to the area",
		"refugees and asylum seekers", "young adults", "people living with dementia", "people with learning disabilities",
		"men over fifty", "women", "lgbtq people", "new parents", "people on low incomes", "students",
		"retired people", "people in recovery", "people with long term conditions", "anyone feeling lonely",
		"people with sight loss", "deaf people", "wheelchair users", "people recovering from illness", "jobseekers",
		"single parents", "grandparents", "people who are housebound", "armed forces veterans", "autistic adults",
		"anyone over sixty", "people with mental health problems", "families", "teenagers", "widowed people",
		"people new to the country", "people living alone", "people with disabilities", "young people", "everyone",
		"residents of the estate"}

	places = []string{"church hall", "community centre", "library", "village hall", "leisure centre", "family hub",
		"youth centre", "community cafe", "mosque", "health centre", "surgery", "park pavilion", "sports club",
		"allotment site", "scout hut", "methodist chapel", "miners welfare", "social club", "town hall", "museum",
		"arts centre", "fire station", "football club", "cricket pavilion", "primary school", "college campus",
		"shopping centre", "market hall", "community farm", "nature reserve", "canal basin", "bowling green",
		"meeting house", "salvation army hall", "function room", "garden centre", "barn", "boathouse",
		"heritage centre", "civic centre", "gurdwara", "synagogue", "cathedral", "almshouses", "lido"}

	verbs = []string{"meet", "chat", "share", "learn", "laugh", "relax", "explore", "discover", "practise", "enjoy",
		"make", "build", "grow", "create", "try", "improve", "connect", "talk", "listen", "support", "help",
		"rebuild", "regain", "develop", "celebrate", "welcome", "swap", "plan", "organise", "visit", "unwind",
		"reconnect", "boost", "gain", "keep", "stay", "belong", "thrive", "recover", "flourish"}

	frequencies = []string{"every Monday morning", "on Tuesday afternoons", "fortnightly on Wednesdays",
		"once a month on Saturdays", "weekly on Thursday evenings", "every weekday", "on the first Friday of the month",
		"on Sunday afternoons", "twice a week", "every Wednesday lunchtime", "on alternate Mondays",
		"every Friday morning", "on the last Thursday of the month", "most Saturday mornings", "daily except Sundays"}

	extras = []string{"biscuits", "cake", "sandwiches", "soup", "fruit", "toast", "parking", "wifi", "childcare",
		"transport", "a garden", "a quiet room", "a lift", "a kitchen", "hot drinks", "a library", "a creche",
		"bike racks", "a hearing loop", "changing facilities", "free sanitary products", "a clothes swap",
		"a book exchange", "seating", "storage"}

	orgNouns = []string{"Community Trust", "Voluntary Action", "Age Concern", "Mind", "Carers Centre",
		"Citizens Advice", "Community Association", "Churches Together", "Rotary Club", "Wellbeing Partnership",
		"Community Foundation", "Development Trust", "Neighbourhood Network", "Food Partnership", "Arts Collective",
		"Sports Foundation", "Wildlife Group", "Women's Centre", "Refugee Welcome", "Youth Project", "Health Trainers",
		"Recovery Community", "Council for Voluntary Service", "Good Neighbours", "Lions Club", "Housing Association",
		"Leisure Trust", "Family Centre", "Islamic Centre", "Methodist Circuit"}

	amounts = []string{"one pound", "two pounds", "three pounds", "fifty pence", "five pounds"}
)

// templates are the sentences descriptions are built from. Slots: {a}
// adjective, {g} group word, {u} audience, {t} town, {p} place, {f} when,
// {v} verb, {c} topic word, {C} topic word capitalised, {x} extra, {m}
// amount, {y} year.
var templates = []string{
	"We meet {f} at the {p} to {v} and {v}.",
	"Sessions cover {c}, {c} and {c}, with plenty of time to {v}.",
	"No experience of {c} is needed; just come along and {v}.",
	"Our {a} volunteers help {u} with {c} and {c}.",
	"Tea, coffee and {x} are provided, and there is {x} nearby.",
	"Run by local people since {y}, we are {a} and {a}.",
	"Expect {c}, {c} and a {a} welcome from the whole {g}.",
	"Many people come to us through their GP or a social prescribing link worker.",
	"You can refer yourself or be referred by a link worker, a nurse or a friend.",
	"It is a chance to {v} {c} with others who understand.",
	"We also run {c} and {c} sessions at the {p}.",
	"Ideal for {u} and for {u}.",
	"Places are limited, so please call ahead before your first visit.",
	"The {p} has step free access, a hearing loop and accessible toilets.",
	"{C} helps with {c}, {c} and feeling more {a}.",
	"Our trained staff offer {a}, {a} {c} in a {a} setting.",
	"We are part of a {a} network of {g}s across the county.",
	"Whether you want to {v}, {v} or simply {v}, you will find a {a} {g} here.",
	"Suggested donation of {m} a session; nobody is ever turned away.",
	"All our {c} leaders are trained and checked.",
	"Parking is available at the {p}, and the nearest bus stop is a short walk away.",
	"We work closely with local {g}s, the council and the NHS.",
	"Come and {v} {c} at the friendliest {g} in {t}.",
	"Started by {u} for {u}, the {g} is now {a} and {a}.",
	"Bring a friend if you like; {u} are especially welcome.",
}
