package demo

func init() { register(foodBank) }

// foodBank covers food, growing, green spaces and families.
var foodBank = map[string][]tpl{
	"food-cooking": {{
		names: []string{"Community Café", "Pay As You Feel Café", "{place} Community Kitchen"},
		opens: []string{
			"A pay-as-you-feel café at {venue} {when}, serving hot meals made from surplus food.",
			"Our community kitchen cooks a healthy two-course meal {when}, and everyone eats together at {venue}.",
		},
		details: []string{
			"Pay what you can afford, or help with the washing up instead.",
			"Much of the food is rescued from supermarkets that would otherwise throw it away.",
		},
		also: []string{"social-groups", "food-support"}, slots: "lunch", who: []string{"anyone"},
	}, {
		names: []string{"Food and Mood", "Healthy Eating Workshop", "Eat Well Café"},
		opens: []string{
			"A friendly workshop at {venue} {when} on food, mood and how the two are linked.",
		},
		details: []string{
			"We taste, talk and try simple swaps, with recipes to take home.",
		},
		also: []string{"healthy-living", "mental-wellbeing"}, slots: "am pm", who: []string{"adults"}, cost: "free",
	}},
	"food-support": {{
		names: []string{"{place} Food Bank", "Food Bank Distribution", "Emergency Food Parcels"},
		opens: []string{
			"Emergency food parcels at {venue} {when}, for anyone referred by a link worker, GP, school or advice agency.",
			"Our food bank is open {when} at {venue}, offering three days' food and a warm welcome.",
		},
		details: []string{
			"While you are here volunteers can make you a cup of tea and help you find advice on the reasons you are short of money.",
			"We also stock toiletries, nappies and pet food when we have them.",
		},
		also: []string{"money-debt"}, slots: "am pm", who: []string{"anyone"}, cost: "free",
	}, {
		names: []string{"{place} Community Pantry", "Social Supermarket", "Food Club"},
		opens: []string{
			"A community pantry at {venue} {when}: members pay a few pounds a week and choose from fresh, chilled and cupboard food.",
			"Join our food club and get a full bag of shopping for a small weekly fee, {when} at {venue}.",
		},
		details: []string{
			"The shopping is usually worth three or four times what you pay.",
			"Membership is open to anyone living in {place} and there is no time limit.",
		},
		also: []string{"money-debt", "food-cooking"}, slots: "am pm eve", who: []string{"anyone"}, cost: "paid", price: "a week",
	}, {
		names: []string{"Community Fridge", "Free Food Table"},
		opens: []string{
			"Help yourself to free surplus food from our community fridge at {venue}, {when}.",
		},
		details: []string{
			"Take what you need, no questions asked, and bring along any spare food you have too.",
		},
		also: []string{"food-cooking"}, slots: "am pm", who: []string{"anyone"}, cost: "free",
	}, {
		names: []string{"Meals at Home", "Hot Meals Delivery"},
		opens: []string{
			"Volunteers deliver a hot two-course lunch to people at home across {area} who cannot easily cook for themselves.",
		},
		details: []string{
			"Drivers also have a quick chat and a check that all is well, and let family know if something is wrong.",
		},
		also: []string{"befriending"}, slots: "day", who: []string{"over65"}, modes: []string{"home_visit", "phone"}, cost: "paid", price: "a meal",
	}},
	"cooking-skills": {{
		names: []string{"Cook and Eat", "Cooking on a Budget", "Cook and Share", "{place} Cookery Club"},
		opens: []string{
			"Learn to cook tasty, cheap meals from scratch at {venue} {when}, then sit down and eat what you have made.",
			"A hands-on cookery course at {venue} {when}, with everything costing under a pound a portion.",
		},
		details: []string{
			"Each week you take home the ingredients to make the dish again for your family.",
			"Recipes use a slow cooker or a single pan, to keep energy bills down.",
		},
		weekly: true,
		also:   []string{"food-cooking", "healthy-living"}, slots: "am pm eve", who: []string{"adults", "young", "families"}, cost: "free",
	}, {
		names: []string{"Men's Cookery Class", "Cooking for One", "Kitchen Confidence"},
		opens: []string{
			"A relaxed cooking class at {venue} {when} for people who have never had to cook much for themselves.",
		},
		details: []string{
			"Popular with men who have been widowed or live alone, and there is always a good laugh.",
		},
		also: []string{"loneliness", "food-cooking"}, slots: "am pm", who: []string{"men", "over50"}, cost: "paid",
	}},
	"nature-gardening": {{
		names: []string{"Green Gym", "Nature Wellbeing Walks", "Wild About {place}"},
		opens: []string{
			"Get outdoors, get active and help the local environment with our green gym, {when} from {venue}.",
			"Slow nature walks around {park} {when}, noticing birds, trees and the changing seasons.",
		},
		details: []string{
			"Tools, gloves and a hot drink are provided, and there are jobs for every level of fitness.",
			"Time outdoors is good for body and mind, and nobody minds how much you actually do.",
		},
		also: []string{"physical-activity", "mental-wellbeing"}, slots: "am pm wkend", who: []string{"adults", "anyone"}, venue: "park", cost: "free",
	}},
	"community-gardening": {{
		names: []string{"Community Growing Group", "{place} Community Garden Sessions", "Grow Your Own", "Therapeutic Gardening"},
		opens: []string{
			"Help grow fruit and vegetables on our community plot at {venue} {when}.",
			"Our gardening sessions {when} are a gentle way to spend time outdoors with friendly people.",
		},
		details: []string{
			"No gardening experience needed, and there are raised beds for people who cannot kneel.",
			"Produce goes home with volunteers or to the local food bank.",
			"There is a polytunnel and a kettle for wet days, which in the North East is most of them.",
		},
		also: []string{"nature-gardening", "mental-wellbeing"}, slots: "am pm", who: []string{"anyone", "adults"}, venue: "allotments", cost: "free",
		needs: []string{"allotments", "park"},
	}},
	"conservation": {{
		names: []string{"Beach Clean", "Friends of {park} Volunteers", "Conservation Volunteers"},
		opens: []string{
			"Help care for {park} with practical conservation tasks {when}.",
			"Join our monthly beach and coast clean {when}; litter pickers and bags provided.",
		},
		details: []string{
			"Tasks include planting trees, clearing paths, building habitats and recording wildlife.",
			"It is a great way to get fresh air and meet people, and you can come once or every time.",
		},
		also: []string{"volunteering", "nature-gardening"}, slots: "am wkend", who: []string{"anyone", "adults"}, venue: "park", cost: "free",
	}},
	"families": {{
		names: []string{"Stay and Play", "{place} Toddler Group", "Baby and Toddler Group", "Rhyme Time"},
		opens: []string{
			"A friendly stay and play session at {venue} {when} for parents and carers with children under five.",
			"Songs, stories, toys and messy play at {venue} {when}, with a cuppa for the grown-ups.",
		},
		details: []string{
			"It is a good way for new parents to meet others and for little ones to mix.",
			"Health visitors pop in once a month, so you can ask questions without booking an appointment.",
		},
		also: []string{"loneliness"}, slots: "am pm", who: []string{"under5s"},
	}, {
		names: []string{"Family Activity Club", "Family Fun Club", "Family Play and Eat"},
		opens: []string{
			"Games, crafts and a healthy meal for families at {venue} {when}.",
			"Crafts, sport and cooking for children and their grown-ups, {when} at {venue}.",
		},
		details: []string{
			"Places are free for families whose children get free school meals, and low cost for everyone else.",
			"Children must be accompanied by a parent or carer.",
		},
		also: []string{"food-support", "physical-activity"}, slots: "pm wkend", who: []string{"families"},
	}, {
		names: []string{"Parenting Course", "Parents' Support Group", "Dads' Group"},
		opens: []string{
			"A friendly course at {venue} {when} for parents who want ideas for managing behaviour and family life.",
			"A relaxed group at {venue} {when} for parents and carers to share ups and downs.",
		},
		details: []string{
			"There is no lecturing, just practical ideas and people who understand.",
			"A crèche is available if you book ahead.",
		},
		weekly: true,
		also:   []string{"peer-support"}, slots: "am pm eve", who: []string{"parents"}, cost: "free",
	}, {
		names: []string{"Youth Club", "{place} Youth Project", "Young People's Drop-In"},
		opens: []string{
			"An open youth club at {venue} {when}, with pool, games, music and youth workers to talk to.",
		},
		details: []string{
			"Young people can also get help with school, relationships, mental health and finding work.",
		},
		also: []string{"mental-wellbeing"}, slots: "eve", who: []string{"youth"}, cost: "free",
	}},
}
