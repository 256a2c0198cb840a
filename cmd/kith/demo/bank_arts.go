package demo

func init() { register(artsBank) }

// artsBank covers making, singing, playing and reading together.
var artsBank = map[string][]tpl{
	"arts-creativity": {{
		names: []string{"Creative Wellbeing Group", "{place} Creative Café", "Make and Take", "Art for the Soul"},
		opens: []string{
			"A different creative project every week at {venue} {when}: collage, printmaking, clay, poetry and more.",
			"Our creative café is a relaxed place to try something new with your hands, {when} at {venue}.",
		},
		details: []string{
			"No experience or talent needed; the point is to enjoy the process, not to produce a masterpiece.",
			"All materials are provided, and each term ends with a small exhibition of members' work.",
			"Our artists are used to working with people who are anxious, low or recovering from illness.",
		},
		also: []string{"mental-wellbeing"}, slots: "am pm", who: []string{"adults", "anyone"},
	}},
	"singing": {{
		names: []string{"{place} Community Choir", "Sing for Joy", "{Day} Singers", "Wearside Voices"},
		opens: []string{
			"A friendly community choir that rehearses {when} at {venue}.",
			"Love singing but cannot read music? Our choir meets {when} and learns everything by ear.",
		},
		details: []string{
			"We sing everything from sea shanties and Motown to songs from the shows, and perform a couple of times a year.",
			"There are no auditions, and nobody will ask you to sing on your own.",
			"Singing together is good for breathing, mood and making friends, and we have plenty of all three.",
		},
		also: []string{"social-groups"}, slots: "eve pm", who: []string{"anyone", "adults"}, cost: "paid",
	}, {
		names: []string{"Singing for Health", "Sing and Breathe", "Singing for Wellbeing"},
		opens: []string{
			"A warm and welcoming singing group at {venue} {when} for people living with {cond} and those who care for them.",
			"Gentle vocal warm-ups and familiar songs {when}, designed to help with breathing and memory.",
		},
		details: []string{
			"Songs are chosen by members, and song sheets come in large print.",
			"Carers often say it is the one hour of the week they get to simply enjoy being together.",
		},
		also: []string{"condition-support", "carers"}, slots: "am pm", who: []string{"condition", "over65"}, cost: "free",
	}},
	"crafts": {{
		names: []string{"Knit and Natter", "{place} Knit and Natter", "Stitch and Chat", "Crochet Club"},
		opens: []string{
			"Bring your knitting, crochet or sewing to {venue} {when} and join our friendly natter group.",
			"A relaxed knitting and crochet circle that meets {when} at {venue}.",
		},
		details: []string{
			"Beginners are taught from scratch, and we have spare needles and wool to get you started.",
			"Members knit blankets for the special care baby unit and hats for the lifeboat crew.",
			"Most weeks there are more cups of tea drunk than rows knitted.",
		},
		also: []string{"social-groups", "loneliness"}, slots: "am pm eve", who: []string{"anyone", "over50", "women"},
	}, {
		names: []string{"Sewing Bee", "Repair Café", "Make Do and Mend"},
		opens: []string{
			"Bring along clothes that need fixing and learn to mend them yourself, {when} at {venue}.",
			"Our repair café fixes broken lamps, torn coats and wobbly chairs {when}, and shows you how it is done.",
		},
		details: []string{
			"Sewing machines, thread and tools are all provided.",
			"It saves money, keeps things out of landfill and is a great way to meet people.",
		},
		also: []string{"money-debt", "volunteering"}, slots: "am pm wkend", who: []string{"anyone"}, cost: "free",
	}, {
		names: []string{"Woodwork for Beginners", "Wood Turning Club", "Upcycling Workshop"},
		opens: []string{
			"Learn basic woodwork in a well-equipped workshop at {venue} {when}.",
			"Turn unwanted furniture into something beautiful at our upcycling workshop {when}.",
		},
		details: []string{
			"Safety kit is supplied and experienced volunteers work alongside you.",
			"Projects range from chopping boards to garden benches, and you take home what you make.",
		},
		also: []string{"mens-sheds"}, slots: "am pm", who: []string{"adults"}, cost: "paid",
	}},
	"art-classes": {{
		names: []string{"{place} Art Club", "Watercolour for Beginners", "Drawing and Painting Group", "Art Club"},
		opens: []string{
			"A welcoming art group at {venue} {when} for anyone who would like to draw or paint.",
			"Watercolour, pastels and acrylics, taught step by step by a local artist, {when} at {venue}.",
		},
		details: []string{
			"Complete beginners are very welcome, and there is a small kit of paints and brushes you can borrow.",
			"Every few weeks we head outdoors to paint the coast, the river or the old pit wheels.",
		},
		also: []string{"arts-creativity"}, slots: "am pm eve", who: []string{"adults", "over50"}, cost: "paid",
	}, {
		names: []string{"Pottery Drop-In", "Clay Play", "Community Pottery"},
		opens: []string{
			"Get your hands dirty at our pottery sessions at {venue} {when}.",
			"Hand-building, throwing and glazing with a patient potter, {when} at {venue}.",
		},
		details: []string{
			"Aprons and clay are provided, and your work is fired in our kiln for you to take home.",
			"Many people find working with clay calming and absorbing.",
		},
		also: []string{"arts-creativity", "mental-wellbeing"}, slots: "pm eve", who: []string{"adults"}, cost: "paid",
	}, {
		names: []string{"Photography Walks", "Phone Photography Club", "Camera Club"},
		opens: []string{
			"Learn to take better photos on your phone or camera, {when} at {venue}.",
			"A photography group that meets {when} and heads out around {place} looking for pictures.",
		},
		details: []string{
			"Each session has a theme, from reflections to portraits, and we look at everyone's favourite shots over tea.",
			"Any camera will do, including the one on your phone.",
		},
		also: []string{"walking", "arts-creativity"}, slots: "am pm", who: []string{"adults", "anyone"},
	}},
	"music": {{
		names: []string{"{place} Ukulele Group", "Strum Along", "Ukulele Beginners"},
		opens: []string{
			"Learn the ukulele with a friendly group at {venue} {when}.",
			"Our ukulele group meets {when}, with a loan instrument if you do not have one.",
		},
		details: []string{
			"Within a few weeks most people can strum along to a dozen songs.",
			"We play at fêtes and care homes, but only if you want to.",
		},
		also: []string{"arts-creativity", "social-groups"}, slots: "pm eve", who: []string{"anyone", "adults"}, cost: "paid",
	}, {
		names: []string{"Music Memories Café", "Record Club", "Jukebox Afternoon"},
		opens: []string{
			"A music café at {venue} {when} where members bring a favourite record and the story behind it.",
			"Listen, share and reminisce over the hits of years gone by, {when} at {venue}.",
		},
		details: []string{
			"It is a gentle, sociable afternoon, and popular with people living with memory loss and their families.",
			"Tea, coffee and cake are served, and requests are always welcome.",
		},
		also: []string{"social-groups", "condition-support"}, slots: "pm", who: []string{"over65", "anyone"},
	}, {
		names: []string{"Open Mic Night", "Community Jam Session", "Folk and Acoustic Night"},
		opens: []string{
			"A friendly open mic at {venue} {when} for musicians, poets and people who just like listening.",
			"Bring an instrument, or your voice, to our relaxed jam session {when}.",
		},
		details: []string{
			"All levels are welcome and there is a warm round of applause for everyone who gets up.",
			"It is a good first step for people rebuilding confidence after a difficult time.",
		},
		also: []string{"arts-creativity", "mental-wellbeing"}, slots: "eve", who: []string{"adults"}, venue: "pub",
	}},
	"writing-reading": {{
		names: []string{"{place} Book Club", "{Day} Reading Group", "Shared Reading Group"},
		opens: []string{
			"A shared reading group at {venue} {when}: we read a short story and a poem aloud together and talk about them.",
			"Our book club meets {when} at {venue} to chat about the month's read over a cuppa.",
		},
		details: []string{
			"You do not need to read in advance or say anything clever; just come along and listen.",
			"Books are borrowed from the library, so it costs nothing to join.",
		},
		also: []string{"social-groups"}, slots: "am pm eve", who: []string{"adults", "anyone"}, cost: "free",
	}, {
		names: []string{"Creative Writing Group", "Wearside Writers' Circle", "Life Stories Writing"},
		opens: []string{
			"A supportive creative writing group at {venue} {when}, for poetry, stories and memoir.",
			"Write the story of your life, one memory at a time, with our reminiscence writing group {when}.",
		},
		details: []string{
			"Each session starts with a short exercise and ends with the chance to share your work, if you want to.",
			"Members have published an anthology of stories about growing up in {place}.",
		},
		also: []string{"arts-creativity", "mental-wellbeing"}, slots: "pm eve", who: []string{"adults", "over50"},
	}, {
		names: []string{"Online Book Club", "Reading Group on Zoom"},
		opens: []string{
			"Our online book club meets by video call {when}, so you can take part from home.",
		},
		details: []string{
			"We choose books that are easy to get from the library or as audiobooks.",
			"It is especially popular with people who are housebound or caring for someone.",
		},
		also: []string{"loneliness"}, slots: "eve pm", who: []string{"adults"}, modes: []string{"online"}, cost: "free",
	}},
}
