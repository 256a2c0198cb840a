package demo

// audience is who a listing is for: the ages it records and the sentence a
// volunteer would write about it.
type audience struct {
	min, max    int // -1 for no limit
	eligibility string
	says        []string
}

var audiences = map[string]audience{
	"anyone": {min: -1, max: -1, says: []string{"Everyone is welcome, whatever your age or ability.", ""}},
	"adults": {min: 18, max: -1, eligibility: "Adults aged 18 and over.",
		says: []string{"Open to anyone aged 18 or over.", "All adults welcome."}},
	"over50": {min: 50, max: -1, eligibility: "People aged 50 and over.",
		says: []string{"Aimed at people over 50, but nobody is turned away at the door.", "Most of us are over 50 and some are well into our eighties."}},
	"over65": {min: 65, max: -1, eligibility: "Older people aged 65 and over.",
		says: []string{"For people aged 65 and over.", "Our members are mostly in their seventies and eighties."}},
	"young": {min: 16, max: 25, eligibility: "Young people aged 16 to 25.",
		says: []string{"For young people aged 16 to 25.", "Run for and with young people aged 16 to 25."}},
	"youth": {min: 11, max: 18, eligibility: "Young people aged 11 to 18.",
		says: []string{"For young people aged 11 to 18."}},
	"families": {min: 5, max: 11, eligibility: "Children aged 5 to 11, who must come with a parent or carer.",
		says: []string{"For children aged 5 to 11 with their parents or carers.", "Children aged 5 to 11 must be accompanied by an adult."}},
	"under5s": {min: 0, max: 4, eligibility: "Children under five with a parent or carer.",
		says: []string{"For babies and children under five with their parents, grandparents or carers."}},
	"parents": {min: 16, max: -1, eligibility: "Parents and carers of young children.",
		says: []string{"For mums, dads, grandparents and anyone bringing up children."}},
	"youngcarers": {min: 8, max: 17, eligibility: "Young carers aged 8 to 17.",
		says: []string{"For young carers aged 8 to 17; no formal assessment is needed to join."}},
	"women": {min: 18, max: -1, eligibility: "Women aged 18 and over.",
		says: []string{"This is a women-only group.", "Open to women aged 18 and over, including trans women."}},
	"men": {min: 18, max: -1, eligibility: "Men aged 18 and over.",
		says: []string{"Open to men aged 18 and over.", "Aimed at men, but we don't check at the door."}},
	"carers": {min: 18, max: -1, eligibility: "Unpaid carers looking after a family member, partner or friend.",
		says: []string{"For anyone who looks after a family member, partner or friend, whether or not you call yourself a carer."}},
	"condition": {min: 18, max: -1, eligibility: "People living with {cond}, and their families and carers.",
		says: []string{"You do not need a referral; if you have been diagnosed, or think you might have been, you are welcome."}},
}

// closers end an in-person listing: how to join and what to expect.
var closers = []string{
	"Just turn up; there is always someone at the door to say hello.",
	"If you are nervous about coming on your own, ring {contact} beforehand and we will look out for you.",
	"Link workers are very welcome to come along with someone for their first visit.",
	"No need to book, and the kettle is always on.",
	"Please ring {contact} before your first visit so we know to expect you.",
	"We are a friendly bunch and new faces are always welcome.",
	"Tea, coffee and biscuits provided.",
	"Places are limited, so please book with {contact}.",
	"Come along for a look first, with no commitment.",
}

// remoteClosers end a phone, online or home-visit listing.
var remoteClosers = []string{
	"Ring and leave a message if we are busy and we will call you back within two working days.",
	"You can refer yourself, or a link worker, GP or family member can refer you with your permission.",
	"Ask for {contact}, who coordinates the service.",
	"",
}

// statusSays replaces the closer when a listing is not running.
var statusSays = map[string][]string{
	"inactive":           {"Not running at the moment while we look for new volunteers to lead it.", "On hold for now; ring for the latest news."},
	"temporarily closed": {"Paused for a few weeks; please ring for the restart date.", "Closed over the summer and restarting in September."},
	"defunct":            {"Now closed, with thanks to everyone who came along over the years.", "No longer running, as its funding has ended."},
}

// notes are what link workers tell each other; only signed-in users see them.
var notes = []string{
	"Coordinator prefers referrals by phone; emails are only checked on Mondays.",
	"Good for people who are anxious in big groups; usually fewer than ten people.",
	"The hall is cold in winter; suggest people wrap up.",
	"Happy to take people with mild learning disabilities; let them know beforehand.",
	"Funding confirmed until March 2027.",
	"Very popular; there can be a short waiting list in January.",
	"Stairs to the meeting room; the ground-floor room can be used if they know in advance.",
	"Volunteers are brilliant at welcoming people who have been out of circulation for a while.",
	"Contact has asked that we do not send more than two new people a week.",
}

// names give each community's people the names its members have. A Polish
// group's coordinator is not called Brian Robson, nor a granthi Julie.
type names struct{ women, men, last []string }

var namePools = map[string]names{
	"ne": {
		women: []string{"Lesley", "Pauline", "Joanne", "Gemma", "Karen", "Denise", "Maureen", "Kath", "Tracy", "Sharon",
			"Linda", "Julie", "Claire", "Nicola", "Angela", "Helen", "Chloe", "Jade", "Megan", "Ellie"},
		men: []string{"Brian", "Alan", "Trevor", "Stephen", "Michael", "Gary", "Paul", "Keith", "Colin", "Darren",
			"Neil", "Ian", "Kevin", "Peter", "Graham", "Dave", "Jimmy", "Ray", "Liam", "Connor", "Ryan"},
		last: []string{"Robson", "Charlton", "Milburn", "Armstrong", "Dixon", "Elliott", "Hall", "Thompson",
			"Walton", "Young", "Bell", "Forster", "Heron", "Wilkinson", "Scott", "Hutchinson", "Nicholson",
			"Atkinson", "Fenwick", "Ramsay", "Storey", "Gibson", "Patterson", "Brown", "Wilson", "Anderson",
			"Cairns", "Reay", "Pickering", "Wake"},
	},
	"muslim": {women: []string{"Shahida", "Aisha", "Nasreen", "Farida", "Yasmin", "Saima"},
		men:  []string{"Imran", "Rahim", "Omar", "Hassan", "Abdul", "Tariq"},
		last: []string{"Ahmed", "Begum", "Hussain", "Rahman", "Khan", "Ali", "Miah", "Uddin", "Iqbal"}},
	"sikh": {women: []string{"Gurpreet", "Manjit", "Harleen"}, men: []string{"Harjit", "Kuldip", "Jasbir"},
		last: []string{"Sandhu", "Gill", "Dhillon", "Bains"}},
	"pl": {women: []string{"Agnieszka", "Magda", "Kasia"}, men: []string{"Tomasz", "Piotr", "Marek"},
		last: []string{"Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk"}},
	"ku": {women: []string{"Shilan", "Nasrin", "Shler"}, men: []string{"Dara", "Rebin", "Hemin", "Zana"},
		last: []string{"Ahmad", "Karim", "Rashid", "Aziz"}},
	"ar": {women: []string{"Layla", "Huda", "Rana"}, men: []string{"Omar", "Rami", "Samir"},
		last: []string{"Haddad", "Khalil", "Nasser", "Saleh"}},
	"fa": {women: []string{"Maryam", "Shirin", "Nilofar"}, men: []string{"Reza", "Amir", "Farid"},
		last: []string{"Karimi", "Mohammadi", "Hosseini", "Ahmadi"}},
	"bn": {women: []string{"Shahida", "Nasreen", "Rokeya"}, men: []string{"Rahim", "Abdul", "Jamal"},
		last: []string{"Begum", "Miah", "Uddin", "Choudhury"}},
	"ur": {women: []string{"Saima", "Yasmin", "Nadia"}, men: []string{"Imran", "Tariq", "Asif"},
		last: []string{"Khan", "Hussain", "Iqbal", "Malik"}},
}

// otherPools are drawn on for the one in seven people at mainstream groups
// whose families came to Sunderland from elsewhere.
var otherPools = []string{"muslim", "sikh", "pl", "ku", "ar", "fa"}

// conditions feed condition-support groups: a title for names and a phrase
// that follows "living with".
var conditions = []struct{ title, living string }{
	{"Parkinson's", "Parkinson's"}, {"Stroke", "the effects of a stroke"}, {"Diabetes", "type 1 or type 2 diabetes"},
	{"COPD", "COPD and other lung conditions"}, {"Fibromyalgia", "fibromyalgia"}, {"Arthritis", "arthritis"},
	{"Heart", "a heart condition"}, {"MS", "multiple sclerosis"}, {"Long Covid", "long Covid"},
	{"Sight Loss", "sight loss"}, {"Hearing Loss", "hearing loss"}, {"Cancer", "cancer"},
	{"Chronic Pain", "chronic pain"}, {"Epilepsy", "epilepsy"},
}

// cultures give cultural associations their people and language.
var cultures = []struct{ people, tongue, lang string }{
	{"Polish", "Polish", "pl"}, {"Kurdish", "Kurdish", "ku"}, {"Bangladeshi", "Bengali", "bn"},
	{"Arabic-speaking", "Arabic", "ar"}, {"Iranian", "Farsi", "fa"}, {"Pakistani", "Urdu", "ur"},
	{"Syrian", "Arabic", "ar"}, {"Afghan", "Dari", "fa"},
}
