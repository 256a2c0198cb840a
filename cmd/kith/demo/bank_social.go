package demo

func init() { register(socialBank) }

// socialBank covers loneliness and the ways people find company: clubs,
// befriending, sheds, peer support, volunteering, transport and faith.
var socialBank = map[string][]tpl{
	"loneliness": {{
		names: []string{"{place} Friendship Group", "Open Door {place}", "Chat and Cuppa", "Come and Meet {place}"},
		opens: []string{
			"A relaxed get-together at {venue} {when} for anyone who would like a bit more company.",
			"Feeling on your own a lot? Come along to {venue} {when} for a brew and a natter.",
			"We open up {venue} {when} so that nobody in {place} has to spend the day alone.",
		},
		details: []string{
			"There is no programme and no pressure: some people play dominoes, some do the crossword together and some just enjoy the chat.",
			"Our volunteers make a point of sitting with newcomers, and many of our regulars first came because their doctor or link worker suggested it.",
			"We mark birthdays, have a quiz once a month and organise the odd trip to the coast in summer.",
		},
		also: []string{"social-groups"}, slots: "am pm", who: []string{"anyone", "over50", "adults"},
	}, {
		names: []string{"Warm Welcome {place}", "Warm Space at {venue}", "{Day} Warm Hub"},
		opens: []string{
			"A warm, friendly room at {venue} {when}, with hot drinks, soup and somewhere comfortable to sit.",
			"Our warm space is open {when} for anyone who wants to save on heating or simply fancies some company.",
		},
		details: []string{
			"You can charge your phone, use the free wifi, read the papers or join in with whatever is going on that day.",
			"Volunteers can also help with questions about energy bills and point you to advice if money is tight.",
		},
		also: []string{"energy-advice", "social-groups"}, slots: "am pm", who: []string{"anyone"}, cost: "free",
	}},
	"befriending": {{
		names: []string{"Home Befriending Service", "Friendly Visitors Scheme", "Good Neighbours Visiting"},
		opens: []string{
			"Our trained volunteers visit people at home across {area} for an hour or so each week.",
			"A friendly face at the door every week: we match people who are lonely or housebound with a volunteer who lives nearby.",
		},
		details: []string{
			"Volunteers are DBS-checked and matched with you on shared interests, whether that is football, gardening or the old shipyards.",
			"Visits might be a cup of tea and a chat, a game of cards or a short walk to the shops, whatever you fancy.",
			"When you feel ready, your volunteer can come with you to a local group so you are not walking in on your own.",
		},
		also: []string{"loneliness"}, slots: "day", who: []string{"over65", "over50"}, modes: []string{"home_visit", "phone"}, cost: "free",
	}, {
		names: []string{"Telephone Befriending", "Keep in Touch Calls", "Chatline Friends"},
		opens: []string{
			"If getting out is hard at the moment, one of our volunteers can ring you for a chat at a time that suits you.",
			"A regular phone call from the same friendly volunteer, for people who spend a lot of time on their own.",
		},
		details: []string{
			"Calls usually last about half an hour and you will speak to the same person each week, so you get to know each other.",
			"Our office is staffed {hours}; ring to be matched with a volunteer, or ask your link worker to refer you.",
		},
		also: []string{"loneliness"}, slots: "day", who: []string{"over65", "adults"}, modes: []string{"phone"}, cost: "free",
	}, {
		names: []string{"Befriending Café", "{place} Buddy Café", "Cuppa and Company"},
		opens: []string{
			"Our befriending café at {venue} pairs new members with a volunteer buddy who sits with them {when}.",
			"Come along to {venue} {when} and one of our befrienders will be there to welcome you and introduce you around.",
		},
		details: []string{
			"After a few weeks many people feel confident enough to come on their own, but your buddy is there for as long as you need them.",
			"It is aimed at people who have lost touch with friends through illness, moving house or caring for someone.",
		},
		also: []string{"loneliness", "social-groups"}, slots: "am pm", who: []string{"adults", "over50"},
	}},
	"social-groups": {{
		names: []string{"{place} Coffee Morning", "{Day} Coffee Morning", "Tea and Toast Club", "Cuppa and Chat"},
		opens: []string{
			"Drop in to {venue} {when} for tea, coffee and homemade cakes.",
			"Our coffee morning at {venue} has been running {when} for longer than most of us can remember.",
		},
		details: []string{
			"There is a tombola, a book swap table and usually someone selling raffle tickets for the Christmas party.",
			"It is a chance to catch up with neighbours, meet new people and find out what else is happening in {place}.",
			"Volunteers bake fresh every week, and there are always gluten-free and sugar-free options.",
		},
		not:  []string{"mosque", "gurdwara", "cultural"}, // raffles, bingo and Christmas parties
		also: []string{"loneliness"}, slots: "am", who: []string{"anyone", "over50"},
	}, {
		names: []string{"{place} Lunch Club", "{Day} Lunch Club", "Luncheon Club for the Over 60s", "Friendship Lunch"},
		opens: []string{
			"A hot two-course lunch and good company at {venue} {when}.",
			"Our lunch club serves a proper home-cooked dinner {when}, followed by a cup of tea and a game of bingo.",
		},
		details: []string{
			"We can sometimes arrange transport for people who cannot get there on their own.",
			"The menu changes every week and we can cater for diabetic and soft diets if you let us know.",
			"After lunch there is usually a quiz, a singalong or a visiting speaker.",
		},
		not:  []string{"mosque", "gurdwara", "cultural"}, // raffles, bingo and Christmas parties
		also: []string{"loneliness", "food-cooking"}, slots: "lunch", who: []string{"over65", "over50"}, cost: "paid", price: "for lunch",
	}, {
		names: []string{"{place} Social Club", "Games Club", "Bingo and Blether", "Cards and Dominoes Club"},
		opens: []string{
			"Cards, dominoes, board games and bingo at {venue} {when}.",
			"A sociable session of games at {venue} {when}: bring a friend or come on your own and we will find you a table.",
		},
		details: []string{
			"We are a mixed group of all ages and the only rule is that nobody takes the bingo too seriously.",
			"Tea and biscuits are included and there is a small raffle every week.",
		},
		not:  []string{"mosque", "gurdwara", "cultural"}, // raffles, bingo and Christmas parties
		also: []string{"loneliness"}, slots: "pm eve", who: []string{"anyone", "adults", "over50"},
	}},
	"mens-sheds": {{
		names: []string{"{place} Men's Shed", "The Shed at {place}", "{place} Shedders"},
		opens: []string{
			"A workshop space at {venue} where men come together {when} to make, mend and have a natter.",
			"Our shed is open {when}: woodwork, bike repairs, small engine jobs and plenty of tea.",
			"Men's sheds are about working shoulder to shoulder, and ours is no different; come along to {venue} {when}.",
		},
		details: []string{
			"Members have built planters for local schools, benches for the park and bird boxes for half of {place}.",
			"No skills needed: several members had never picked up a chisel before they joined, and some just come for the company.",
			"All tools are provided and there are always experienced members on hand to show you the ropes safely.",
		},
		also: []string{"loneliness", "crafts"}, slots: "am pm", who: []string{"men"},
	}},
	"peer-support": {{
		names: []string{"{place} Peer Support Group", "Talk It Through", "Walk In Our Shoes", "{Day} Support Circle"},
		opens: []string{
			"A small, friendly group at {venue} {when}, run by people who have been through hard times themselves.",
			"Sometimes it helps to talk to people who just get it; our peer support group meets {when} at {venue}.",
		},
		details: []string{
			"There is no pressure to share, and many people just listen for the first few weeks.",
			"Everything said in the group stays in the group, and our facilitators are trained volunteers with lived experience of their own.",
			"We finish each session with a brew and a chat about something completely different.",
		},
		also: []string{"mental-wellbeing", "loneliness"}, slots: "pm eve", who: []string{"adults", "women", "men", "young"}, cost: "free",
	}, {
		names: []string{"Online Peer Support Group", "Evening Peer Support on Zoom", "Virtual Support Circle"},
		opens: []string{
			"Our online peer support group meets on Zoom {when}, so you can join from your own sofa.",
			"A video-call support group {when} for people who find it hard to get to a meeting in person.",
		},
		details: []string{
			"Cameras on or off, it is up to you, and a facilitator will help you get connected the first time.",
			"Groups are kept to about eight people so everyone gets a chance to speak if they want to.",
		},
		also: []string{"mental-wellbeing"}, slots: "eve", who: []string{"adults", "young"}, modes: []string{"online"}, cost: "free",
	}},
	"volunteering": {{
		names: []string{"Volunteer With Us", "{place} Volunteer Drop-In", "Give It a Go Volunteering", "Volunteer Taster Sessions"},
		opens: []string{
			"Fancy giving a few hours a week? Drop in to {venue} {when} to find out about volunteering with {org}.",
			"We are always looking for volunteers, from making the teas to driving the minibus, and you can find out more at {venue} {when}.",
		},
		details: []string{
			"Volunteering is a great way to meet people, get back into a routine and pick up skills and references for work.",
			"You can start small, with a couple of hours shadowing an experienced volunteer, and we cover reasonable travel expenses.",
			"We will talk through what you enjoy, what you are good at and anything that might make volunteering harder, and find a role to fit.",
		},
		also: []string{"employment-skills", "loneliness"}, slots: "am pm", who: []string{"adults", "young"}, cost: "free",
	}},
	"transport": {{
		names: []string{"Community Minibus", "Door-to-Door Transport", "Dial-a-Ride Service"},
		opens: []string{
			"Accessible door-to-door minibus trips for people who cannot easily use buses, booked by phone {hours}.",
			"Our volunteer drivers take people to lunch clubs, the shops and appointments across {area}.",
		},
		details: []string{
			"Vehicles have a tail lift and room for wheelchairs and walking frames, and the driver will help you to the door.",
			"Please book at least two working days ahead; fares are kept low to cover fuel only.",
		},
		also: []string{"loneliness"}, slots: "day", who: []string{"over65", "anyone"}, modes: []string{"home_visit", "phone"}, cost: "paid", price: "a journey",
	}, {
		names: []string{"{Day} Shopping Trip", "Supermarket Bus", "Out and About Trips"},
		opens: []string{
			"A minibus picks members up from home {when} for a supermarket shop and a cuppa in the café.",
			"Monthly days out to the coast, garden centres and the odd stately home, leaving from {venue}.",
		},
		details: []string{
			"Volunteers can help with bags and there is always time for a sit down.",
			"Trips are popular with people who have stopped driving and miss getting out.",
		},
		also: []string{"loneliness", "social-groups"}, slots: "am pm", who: []string{"over65", "over50"}, cost: "paid", price: "a trip",
	}},
	"faith-culture": {{
		names: []string{"Open Church Coffee Morning", "Open Church {Day}", "Church Welcome Lunch"},
		opens: []string{
			"{venue} opens its doors {when} for a quiet sit, a chat and a hot drink, whether or not you have any faith.",
			"Everyone is welcome at our {Day} welcome lunch at {venue}, no questions asked.",
		},
		details: []string{
			"There is a prayer corner for anyone who wants it, but most people come for the company and the cake.",
			"Members of the congregation run it as a way of getting to know their neighbours in {place}.",
		},
		also: []string{"social-groups", "loneliness"}, slots: "am lunch", kinds: []string{"church"}, cost: "free",
	}, {
		names: []string{"Sisters' Circle", "Open Mosque Afternoon", "Brothers' Tea and Talk"},
		opens: []string{
			"A friendly circle at {venue} {when} for Muslim women to meet, talk and support one another.",
			"Our open afternoons {when} welcome neighbours of every faith and none to look around, ask questions and share a meal.",
		},
		details: []string{
			"Sessions are held in English with help in Arabic, Bengali and Urdu when needed.",
			"Sometimes there is a talk on health, parenting or money; other weeks it is simply tea, samosas and conversation.",
		},
		also: []string{"social-groups"}, slots: "pm", kinds: []string{"mosque"}, who: []string{"women", "anyone"}, cost: "free",
		needs: []string{"mosque"},
	}, {
		names: []string{"Community Langar", "Gurdwara Open Day"},
		opens: []string{
			"Langar, the free vegetarian community meal, is served at {venue} {when} to anyone who comes through the door.",
			"Visitors are welcome to see the gurdwara, join the langar meal and learn about Sikh traditions {when}.",
		},
		details: []string{
			"Sevadars (volunteers) cook and serve together, and many visitors end up joining in.",
			"Please cover your head and remove your shoes; scarves are provided at the door.",
		},
		also: []string{"food-support", "social-groups"}, slots: "lunch", kinds: []string{"gurdwara"}, who: []string{"anyone"}, cost: "free",
	}, {
		names: []string{"{people} Community Social", "{people} Elders' Tea", "{people} Mothers' Group"},
		opens: []string{
			"A weekly meeting point at {venue} for the {people} community in {area}, held {when}.",
			"Tea, food from home and conversation in {tongue} and English at {venue} {when}.",
		},
		details: []string{
			"Newcomers to the city are especially welcome, and volunteers can help with letters, forms and finding a GP or school.",
			"We celebrate festivals together and share news of jobs, housing and English classes.",
		},
		also: []string{"social-groups", "loneliness"}, slots: "pm eve wkend", kinds: []string{"cultural"}, cost: "free",
	}},
}
