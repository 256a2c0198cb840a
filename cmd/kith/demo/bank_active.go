package demo

func init() { register(activeBank) }

// activeBank covers physical activity at every level, from a chair-based
// class to walking football.
var activeBank = map[string][]tpl{
	"physical-activity": {{
		names: []string{"Get Moving {place}", "Active {place}", "Beginners' Circuits", "Fit for Life"},
		opens: []string{
			"A mixed-ability exercise class at {venue} {when} for people who want to get a bit more active.",
			"Our friendly instructor runs a beginners' fitness session {when}, and nobody needs lycra.",
		},
		details: []string{
			"Every exercise has an easier and a harder version, so you go at your own pace.",
			"Sessions include a warm-up, some light circuits and a cool-down stretch, with time for a chat afterwards.",
			"Many people come after a health check at their GP surgery, and you will fit in whatever your starting point.",
		},
		also: []string{"healthy-living"}, slots: "am pm eve", who: []string{"adults", "over50"}, cost: "paid",
	}, {
		names: []string{"Active Families", "Family Fun and Fitness", "{Day} Family Sport"},
		opens: []string{
			"Parents and children get active together at {venue} {when} with games, relays and a bit of dancing.",
			"A free family activity session {when}: bring the kids, wear trainers and be ready to laugh.",
		},
		details: []string{
			"Coaches change the games every week, and there is fruit and water for everyone at the end.",
			"It is a chance for children to burn off energy and for parents to meet other families in {place}.",
		},
		also: []string{"families"}, slots: "wkend pm", who: []string{"families"}, cost: "free",
	}},
	"walking": {{
		names: []string{"{place} Health Walk", "{park} Walking Group", "Walk and Talk {place}", "{Day} Striders", "Stepping Out {place}"},
		opens: []string{
			"A friendly led walk of about an hour, starting from {venue} {when}.",
			"Our walk leaders take a gentle route around {park} {when}, finishing with a cuppa.",
			"Join us {when} for a sociable stroll; we set off from {venue} at the start of the session.",
		},
		details: []string{
			"Walks are on flat paths and graded so that people who have not walked far for a while can join in.",
			"Routes change with the seasons and take in the coast, the river and some of the quieter corners of {place}.",
			"All our walk leaders are trained volunteers with first aid, and there are always two on each walk so nobody gets left behind.",
		},
		also: []string{"physical-activity", "loneliness"}, slots: "am wkend", who: []string{"anyone", "adults", "over50"}, venue: "park", cost: "free",
	}, {
		names: []string{"Buggy Walk", "Pram Pushers {place}", "Mums and Buggies Walk"},
		opens: []string{
			"A gentle walk for parents and carers with babies and toddlers, leaving {venue} {when}.",
			"Bring the pram and join other parents for a walk around {park} {when}.",
		},
		details: []string{
			"We keep to buggy-friendly paths and stop for a coffee halfway round.",
			"It is a lovely way to get out of the house and meet other new parents.",
		},
		also: []string{"families", "physical-activity"}, slots: "am", who: []string{"parents"}, venue: "park", cost: "free",
	}},
	"gentle-exercise": {{
		names: []string{"Chair-Based Exercise", "Sit and Be Fit", "Seated Exercise Class"},
		opens: []string{
			"A gentle seated exercise class at {venue} {when}, led by a qualified instructor.",
			"Exercise to music without leaving your chair, {when} at {venue}.",
		},
		details: []string{
			"Everything can be done sitting down, and the instructor adapts each move to suit you.",
			"People tell us they sleep better, feel less stiff and enjoy the company as much as the exercise.",
		},
		also: []string{"physical-activity"}, slots: "am pm", who: []string{"over65", "over50", "anyone"}, cost: "paid",
	}, {
		names: []string{"Strength and Balance", "Steady Steps", "Falls Prevention Class"},
		opens: []string{
			"Strength and balance exercises to help you stay steady on your feet, {when} at {venue}.",
			"A twelve-week rolling programme at {venue} for people who have had a fall or worry about falling.",
		},
		details: []string{
			"The exercises are designed to reduce the risk of falls and make jobs like climbing stairs a bit easier.",
			"Your instructor checks your progress every few weeks and gives you simple exercises to do at home.",
		},
		weekly: true,
		also:   []string{"physical-activity", "healthy-living"}, slots: "am pm", who: []string{"over65", "over50"},
	}, {
		names: []string{"Tai Chi for Beginners", "Tai Chi and Qigong", "Gentle Yoga"},
		opens: []string{
			"Slow, flowing movements at {venue} {when}, suitable for every level of mobility.",
			"A calm, gentle class {when} that builds strength, balance and breathing.",
		},
		details: []string{
			"Mats and chairs are provided, and you can do as much or as little as feels right.",
			"Many people come for their joints and stay for the feeling of calm at the end.",
		},
		also: []string{"mindfulness", "physical-activity"}, slots: "am pm eve", who: []string{"adults", "over50"}, cost: "paid",
	}},
	"dance": {{
		names: []string{"Tea Dance", "{place} Tea Dance", "Sequence Dancing Club"},
		opens: []string{
			"Old-time and sequence dancing at {venue} {when}, with tea and cake at half time.",
			"A proper tea dance with a live organist, {when} at {venue}.",
		},
		details: []string{
			"You do not need a partner, and there are always people happy to show you the steps.",
			"Sit out whenever you like; plenty of people come for the music and the company.",
		},
		also: []string{"social-groups", "physical-activity"}, slots: "pm", who: []string{"over50", "over65"}, cost: "paid",
	}, {
		names: []string{"{place} Line Dancing", "Line Dancing for Beginners", "Country and Line Dance"},
		opens: []string{
			"Line dancing for beginners and improvers at {venue} {when}.",
			"Pull on your boots, or just your trainers, and join our line dancing class {when}.",
		},
		details: []string{
			"Our teacher breaks every routine down step by step, so you will have a full dance by the end of the night.",
			"It is a great way to keep active without it feeling like exercise.",
		},
		also: []string{"physical-activity"}, slots: "eve pm", who: []string{"adults", "anyone"}, cost: "paid",
	}, {
		names: []string{"Dance for Wellbeing", "Dance Fit Gold", "Move to the Music"},
		opens: []string{
			"A fun, low-impact dance class set to music from the fifties to today, {when} at {venue}.",
			"Gentle dance and movement {when}, designed with people living with Parkinson's and other conditions in mind.",
		},
		details: []string{
			"The routines can be done seated or standing, and carers are welcome to dance too.",
			"People come for the music and leave with a smile.",
		},
		also: []string{"physical-activity", "mental-wellbeing"}, slots: "am pm", who: []string{"over50", "anyone"},
	}},
	"sport": {{
		names: []string{"Walking Football", "{place} Walking Football", "Over 50s Walking Football"},
		opens: []string{
			"Walking football {when} at {venue}: all the skill of the beautiful game, with no running and no sliding tackles.",
			"Not ready to hang up your boots yet: our walking football sessions run {when} at {venue}.",
		},
		details: []string{
			"We play small-sided games so everybody gets plenty of touches, and the banter is as important as the score.",
			"Several of our players started after heart problems or knee operations, and the coaches keep an eye on everyone.",
		},
		also: []string{"physical-activity", "mens-sheds"}, slots: "am pm eve", who: []string{"over50", "men", "adults"}, venue: "leisure_centre", cost: "paid",
	}, {
		names: []string{"Bowls Taster Sessions", "{place} Bowls Club Open Session", "Indoor Short Mat Bowls"},
		opens: []string{
			"Come and try bowls at {venue} {when}; woods are provided and someone will show you how.",
			"A sociable game of short mat bowls {when}, suitable for people who cannot manage anything too energetic.",
		},
		details: []string{
			"It is gentle, sociable and surprisingly competitive once you get the hang of it.",
			"Flat shoes are all you need, and there is tea and a biscuit between ends.",
		},
		also: []string{"physical-activity", "social-groups"}, slots: "am pm", who: []string{"over50", "over65"}, cost: "paid",
	}, {
		names: []string{"Walking Netball", "Back to Netball", "Women's Walking Netball"},
		opens: []string{
			"Walking netball at {venue} {when}, a slower version of the game that is kind on the knees.",
			"Played netball at school? Pick it back up with our friendly walking netball group {when}.",
		},
		details: []string{
			"All abilities welcome, including complete beginners, and bibs are provided.",
			"We finish with a cuppa and a catch-up, and some of us go on to play in local festivals.",
		},
		also: []string{"physical-activity"}, slots: "eve am", who: []string{"women"}, venue: "leisure_centre", cost: "paid",
	}, {
		names: []string{"Community Cycle Rides", "Bike Buddies", "Pedal Power {place}"},
		opens: []string{
			"Led bike rides on quiet paths and cycleways, leaving {venue} {when}.",
			"Get back on a bike with our friendly led rides {when}; loan bikes and helmets are available.",
		},
		details: []string{
			"Rides are between five and ten miles at a chatty pace, often along the river or the coast.",
			"Ride leaders carry a repair kit and first aid, and nobody gets left behind.",
		},
		also: []string{"physical-activity"}, slots: "wkend am", who: []string{"adults", "anyone"}, cost: "free",
	}, {
		names: []string{"Swim for Health", "Gentle Swim Sessions", "Adult Learn to Swim"},
		opens: []string{
			"Quiet pool sessions at {venue} {when} for adults who want to swim at their own pace.",
			"Small-group swimming lessons for adults who never learned or have lost their confidence in the water, {when}.",
		},
		details: []string{
			"The water is kept warm and there is a lifeguard and an instructor on the side throughout.",
			"Changing rooms are accessible, and a hoist is available if you let reception know beforehand.",
		},
		also: []string{"physical-activity", "healthy-living"}, slots: "am pm eve", who: []string{"adults", "over50"}, venue: "leisure_centre", cost: "paid",
		needs: []string{"leisure_centre"},
	}},
}
