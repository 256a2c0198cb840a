package demo

// venueKind is a type of building groups meet in.
type venueKind struct {
	weight      int      // how common it is among the demo's venues
	onePerPlace bool     // a neighbourhood has one library, not three
	names       []string // {place} {street} {saint} {pub} {cafe} {park} {house}
	about       []string // where to go once there
	access      []string // features such a building usually has
}

// venueKindOrder fixes the order kinds are drawn in; ranging over the map
// would make the demo differ from run to run.
var venueKindOrder = []string{
	"community_centre", "church_hall", "library", "park", "allotments", "leisure_centre",
	"pub", "gp_surgery", "cafe", "youth_centre", "office", "school",
}

var venueKinds = map[string]venueKind{
	"community_centre": {weight: 18,
		names:  []string{"{place} Community Centre", "{street} Community Centre", "{place} Community Hub", "The {house} Centre", "{place} Neighbourhood Centre"},
		about:  []string{"Main hall on the ground floor; the entrance is round the side on {street}.", "Use the front door on {street}; the meeting room is on the left past the kitchen.", "Ring the bell at the main entrance and someone will let you in."},
		access: []string{"wheelchair", "step_free", "accessible_toilet", "parking", "baby_change", "hearing_loop", "quiet_space"}},
	"church_hall": {weight: 18,
		names:  []string{"St {saint}'s Church Hall", "{place} Methodist Church", "{place} Baptist Church Hall", "{place} United Reformed Church Hall", "St {saint}'s Parish Centre", "Christ Church Hall, {place}"},
		about:  []string{"The hall is behind the church; follow the path from {street}.", "Enter by the side door on {street} rather than the main church doors.", "Meetings are in the church lounge, through the glass doors at the back."},
		access: []string{"step_free", "accessible_toilet", "hearing_loop", "parking"}},
	"library": {weight: 6, onePerPlace: true,
		names:  []string{"{place} Library", "{place} Library and Community Centre"},
		about:  []string{"Groups meet in the community room at the back of the library.", "Ask at the library counter and staff will point you to the meeting room."},
		access: []string{"wheelchair", "step_free", "accessible_toilet", "hearing_loop", "large_print", "baby_change"}},
	"park": {weight: 8, onePerPlace: true,
		names:  []string{"{park}"},
		about:  []string{"Meet at the main gates on {street}.", "Meet outside the park café; look for the walk leaders in high-vis vests.", "Meet by the bandstand near the {street} entrance."},
		access: []string{"parking", "step_free", "accessible_toilet"}},
	"allotments": {weight: 5,
		names:  []string{"{street} Allotments", "{place} Allotments", "{place} Community Garden"},
		about:  []string{"The gate is at the end of {street}; the communal plot has a green shed.", "Go through the allotment gate and follow the path to the polytunnel."},
		access: []string{"parking", "step_free"}},
	"leisure_centre": {weight: 4, onePerPlace: true,
		names:  []string{"{place} Leisure Centre", "{place} Sports Centre", "{place} Wellness Centre"},
		about:  []string{"Sign in at reception and ask for the studio.", "Sessions are in the sports hall; reception will show you the way."},
		access: []string{"wheelchair", "step_free", "accessible_toilet", "parking", "baby_change", "hearing_loop"}},
	"pub": {weight: 5,
		names:  []string{"The {pub} (back room)", "Function room, The {pub}"},
		about:  []string{"We use the back room; go through the bar and past the dartboard.", "The function room is upstairs; the landlord is happy to point you there."},
		access: []string{"step_free"}},
	"gp_surgery": {weight: 6,
		names:  []string{"{place} Medical Centre", "{street} Surgery", "{place} Health Centre"},
		about:  []string{"Upstairs meeting room; ask at reception and they will show you up.", "The community room is on the ground floor, next to the pharmacy hatch."},
		access: []string{"wheelchair", "step_free", "accessible_toilet", "hearing_loop", "parking"}},
	"cafe": {weight: 7,
		names:  []string{"The {cafe}", "{cafe}, {place}"},
		about:  []string{"We have the big table at the back.", "Look for the reserved sign on the tables by the window."},
		access: []string{"step_free", "quiet_space", "baby_change"}},
	"youth_centre": {weight: 4,
		names:  []string{"{place} Youth Centre", "{place} Youth and Community Project"},
		about:  []string{"Use the main entrance on {street}; the family room is on the right.", "The entrance is through the car park at the back."},
		access: []string{"wheelchair", "step_free", "accessible_toilet", "baby_change"}},
	"office": {weight: 6,
		names:  []string{"{house} House", "{house} Chambers", "{street} Resource Centre"},
		about:  []string{"Press the buzzer for the ground-floor reception.", "Reception is on the first floor; there is a lift."},
		access: []string{"wheelchair", "step_free", "accessible_toilet", "hearing_loop", "quiet_space"}},
	"school": {weight: 3,
		names:  []string{"{place} Primary School", "{place} Academy"},
		about:  []string{"Use the community entrance by the school hall, not the main office.", "Sessions are in the school hall after the pupils have gone home."},
		access: []string{"wheelchair", "step_free", "accessible_toilet", "parking"}},
	"mosque": {
		names:  []string{"{place} Masjid and Community Centre", "{place} Islamic Centre"},
		about:  []string{"The community hall is next to the prayer hall; the sisters' entrance is on {street}.", "Use the side entrance for the community hall; please remove shoes in the prayer areas."},
		access: []string{"step_free", "accessible_toilet", "parking", "quiet_space"}},
	"gurdwara": {
		names:  []string{"Wearside Gurdwara"},
		about:  []string{"Please cover your head and remove your shoes; scarves are provided at the door."},
		access: []string{"step_free", "accessible_toilet", "parking"}},
}

var streetStems = []string{
	"Villette", "Chester", "Hylton", "Durham", "Tunstall", "Ryhope", "Toward", "Suffolk", "Burdon",
	"Fawcett", "Mowbray", "Roker", "Dundas", "Wylam", "Station", "Church", "Front", "Victoria",
	"Albert", "Gray", "Cleveland", "Hartley", "Fulwell", "Thornhill", "Ashwood", "Elmwood", "Hawthorn",
	"Beechwood", "Sorley", "Wayman", "Wheatsheaf", "Carley", "Kayll", "Eden", "Ettrick", "Felstead",
	"Grindon", "Hastings", "Holmlands", "Lambton", "Londonderry", "Marlborough", "Newcastle", "Ormonde",
	"Percy", "Queen's", "Rosedale", "St Luke's", "Silksworth", "Tavistock", "Vane", "Westmoreland",
	"Zetland", "Colliery", "Harbour", "Pit", "Salem", "Wear", "Wilson", "Bede",
}

var streetEnds = []string{
	"Street", "Road", "Terrace", "Avenue", "Lane", "Close", "Grove", "Crescent", "Way", "Place", "Gardens", "View",
}

var saints = []string{
	"Mary", "Peter", "Andrew", "Aidan", "Cuthbert", "Hilda", "Bede", "Columba", "Gabriel", "Luke",
	"Mark", "Paul", "Oswald", "Chad", "Michael", "John", "Joseph", "Anne", "Margaret", "Ignatius",
}

var pubs = []string{
	"Ship Inn", "Colliery Tavern", "Royal Oak", "Blue Bell", "Golden Lion", "Wheatsheaf", "Dun Cow",
	"Lambton Arms", "Keel Row", "Sun Inn", "Kings Arms", "Mariners' Arms", "Half Moon", "Grey Horse",
	"Pit Laddie", "Sea Hotel", "Cottage Tavern", "Red Lion",
}

var cafes = []string{
	"Pantry Café", "Sea Glass Café", "Bread and Roses Café", "Corner Café", "Keel Café", "Pit Stop Café",
	"Pop-In Café", "Lighthouse Café", "Little Teapot", "Green Door Café", "Brew Stop", "Hive Café",
}

var houseNames = []string{
	"Bede", "Hylton", "Wearmouth", "Lambton", "Beacon", "Harbour", "Lighthouse", "Bridge", "Fenwick",
	"Havelock", "Dawson", "Williamson", "Priestman", "Pemberton", "Sandhill", "Keel", "Anchor", "Lindisfarne",
}

// parks are the real green spaces of the demo's neighbourhoods, so a walk
// "round Barnes Park" starts where a Sunderland reader expects.
var parks = map[string]string{
	"Barnes": "Barnes Park", "High Barnes": "Barnes Park", "Roker": "Roker Park", "Monkwearmouth": "Roker Park",
	"City Centre": "Mowbray Park", "Hendon": "Mowbray Park", "Sunniside": "Mowbray Park",
	"Ashbrooke": "Backhouse Park", "Thornhill": "Backhouse Park", "Southwick": "Thompson Park",
	"Carley Hill": "Thompson Park", "Hylton Castle": "Hylton Castle and Dene", "Castletown": "Hylton Castle and Dene",
	"East Herrington": "Herrington Country Park", "Farringdon": "Herrington Country Park",
	"Silksworth": "Silksworth Lakes", "Gilley Law": "Silksworth Lakes", "Doxford Park": "Doxford Park woods",
	"Ryhope": "Ryhope Dene", "Seaburn": "Seaburn promenade", "Fulwell": "Seaburn promenade",
	"Seaburn Dene": "Seaburn promenade", "Whitburn": "Whitburn Coastal Park", "Cleadon": "Cleadon Hills",
	"Seaham": "Seaham Hall Beach", "Dawdon": "Nose's Point, Dawdon", "Horden": "Horden Welfare Park",
	"Peterlee": "Castle Eden Dene", "Easington Colliery": "Easington Colliery welfare park",
	"Pennywell": "Pennywell Park", "Grindon": "Hastings Hill", "Millfield": "Millfield Park",
}

// metro names the nearest Tyne and Wear Metro station.
var metro = map[string]string{
	"Millfield": "Millfield", "Deptford": "Millfield", "Pallion": "Pallion", "Ford Estate": "Pallion",
	"South Hylton": "South Hylton", "Roker": "St Peter's", "Monkwearmouth": "St Peter's",
	"Fulwell": "Seaburn", "Seaburn": "Seaburn", "City Centre": "Sunderland", "Sunniside": "Sunderland",
	"Hendon": "Park Lane", "Ashbrooke": "University", "High Barnes": "University", "Cleadon": "East Boldon",
	"Southwick": "Stadium of Light",
}

var transportPhrases = []string{
	"Buses from {town} centre stop on {street}, a couple of minutes' walk away.",
	"Free parking on site; the nearest bus stop is on {street}.",
	"On the main bus routes through {place}; ask the driver for {street}.",
	"Limited street parking; it is easiest to come by bus.",
	"",
}
