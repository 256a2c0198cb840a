package demo

// orgKind is a type of provider found in any English town: a community
// association, a church, a food bank, a council service. It decides what an
// organisation is called, how it is constituted, where it meets and what it
// runs.
type orgKind struct {
	key      string
	count    int      // how many the region has
	names    []string // {place} {saint} {park} {Cond} {people}
	legal    []string // legal statuses, repeated for weight; "CIC" in a name forces cic
	about    []string // sentences for the organisation's description
	offers   []string // category codes it runs, repeated for weight
	services [2]int   // fewest and most listings
	venues   []string // venue kinds it meets in, preferred first
	nvenues  [2]int   // fewest and most venues
	wide     bool     // serves the whole borough rather than one neighbourhood
	county   string   // only venues in this county
	roles    []string // contacts' job titles
	langs    []string // languages besides English its sessions use
	hidden   bool     // keeps its addresses private, as refuges and women's services must
	building bool     // named after its own building, as churches and mosques are
	who      []string // audiences it serves, preferred when a template fits them
	strict   bool     // serves only those audiences, whatever the template
	staff    string   // "women" or "men" when only they run it
}

var orgKinds = []orgKind{{
	key: "community", count: 36,
	names:    []string{"{place} Community Association", "{place} Community Centre", "{place} Residents' Association", "Friends of {place}", "{place} Together", "{place} Community Partnership"},
	legal:    []string{"charity", "charity", "cio", "constituted_group", "unincorporated"},
	about:    []string{"{org} is a volunteer-led group that has run activities for people in {place} since {year}.", "We are based at {venue} on {street} and have something on most days of the week.", "Everything we do is shaped by what local people tell us they want, from the lunch club to the summer fun day.", "The centre is a lifeline for many older residents, and it is still run by and for the community."},
	offers:   []string{"social-groups", "social-groups", "social-groups", "loneliness", "gentle-exercise", "gentle-exercise", "crafts", "food-support", "digital-skills", "cooking-skills", "families", "volunteering", "dance", "mental-wellbeing", "energy-advice", "art-classes", "money-debt", "walking", "physical-activity"},
	services: [2]int{4, 8}, venues: []string{"community_centre"}, nvenues: [2]int{1, 2},
	roles: []string{"Centre manager", "Chair", "Volunteer coordinator", "Community development worker", "Secretary"},
}, {
	key: "church", count: 34,
	names:    []string{"St {saint}'s Church, {place}", "{place} Methodist Church", "{place} Baptist Church", "{place} United Reformed Church", "Christ Church {place}", "Holy Trinity, {place}", "{place} Elim Church", "St {saint}'s Catholic Parish, {place}"},
	legal:    []string{"charity", "charity", "cio", "unincorporated"},
	about:    []string{"A friendly church at the heart of {place}, open to people of all faiths and none.", "Alongside Sunday worship we run activities through the week in our hall.", "Our congregation has served this part of the North East since {year}.", "We believe church should be somewhere anyone can find a warm welcome and a cup of tea."},
	offers:   []string{"social-groups", "social-groups", "social-groups", "food-support", "food-support", "faith-culture", "faith-culture", "befriending", "bereavement", "families", "singing", "crafts", "loneliness", "walking", "money-debt", "homelessness"},
	services: [2]int{3, 6}, venues: []string{"church_hall"}, nvenues: [2]int{1, 1}, building: true,
	roles: []string{"Vicar", "Minister", "Church warden", "Parish administrator", "Pastoral worker", "Community outreach worker"},
}, {
	key: "mosque", count: 5,
	names:    []string{"{place} Masjid and Community Centre", "{place} Islamic Centre", "Wearside Muslim Welfare Association", "{place} Muslim Community Trust"},
	legal:    []string{"charity", "cio"},
	about:    []string{"{org} serves Muslim families in {place} and across Sunderland, and welcomes neighbours of every faith.", "As well as daily prayers we run classes, a sisters' circle and community meals.", "Our volunteers speak Arabic, Bengali, Urdu and English."},
	offers:   []string{"faith-culture", "faith-culture", "faith-culture", "adult-learning", "food-support", "loneliness", "families", "walking", "mental-wellbeing", "carers", "advice-rights"},
	services: [2]int{3, 5}, venues: []string{"mosque", "community_centre"}, nvenues: [2]int{1, 1}, building: true,
	roles: []string{"Community coordinator", "Education officer", "Trustee", "Secretary"}, langs: []string{"ar", "bn", "ur"},
}, {
	key: "gurdwara", count: 1,
	names:    []string{"Wearside Gurdwara and Sikh Community Centre"},
	legal:    []string{"charity"},
	about:    []string{"The gurdwara is open to everyone, every day.", "Our langar serves a free vegetarian meal to anyone who comes, whatever their background.", "The Sikh community has worshipped in Sunderland since {year}."},
	offers:   []string{"faith-culture", "faith-culture", "food-support", "loneliness", "gentle-exercise", "befriending"},
	services: [2]int{3, 4}, venues: []string{"gurdwara"}, nvenues: [2]int{1, 1}, wide: true,
	roles: []string{"Granthi", "Secretary", "Langar coordinator"}, langs: []string{"pa"},
}, {
	key: "cultural", count: 8,
	names:    []string{"Wearside {people} Community Association", "{people} Community Group Sunderland", "North East {people} Families Network", "{people} Women's Group Sunderland"},
	legal:    []string{"cio", "constituted_group", "unincorporated", "charity"},
	about:    []string{"Founded by {people} families who settled in Sunderland, {org} helps people feel at home in the city.", "We bring people together, help with the practical side of life in a new country and celebrate our culture with our neighbours.", "All our volunteers speak {tongue} and English."},
	offers:   []string{"faith-culture", "faith-culture", "adult-learning", "adult-learning", "advice-rights", "social-groups", "families", "peer-support", "mental-wellbeing", "job-search", "food-support"},
	services: [2]int{2, 5}, venues: []string{"community_centre", "church_hall", "office"}, nvenues: [2]int{1, 2}, wide: true,
	roles: []string{"Coordinator", "Chair", "Family support worker", "Community interpreter"},
}, {
	key: "food", count: 14,
	names:    []string{"{place} Food Bank", "{place} Community Pantry", "{place} Food Hub", "{place} Community Fridge Project"},
	legal:    []string{"charity", "cio", "constituted_group"},
	about:    []string{"{org} was set up in {year} by local churches and residents worried about families going without.", "We run on donations from the people of {place}, local supermarkets and businesses.", "Alongside food we try to tackle the reasons people are struggling, working with advice services across {area}."},
	offers:   []string{"food-support", "food-support", "food-support", "cooking-skills", "food-cooking", "money-debt", "energy-advice", "volunteering"},
	services: [2]int{2, 4}, venues: []string{"church_hall", "community_centre"}, nvenues: [2]int{1, 2},
	roles: []string{"Food bank manager", "Warehouse coordinator", "Volunteer coordinator"},
}, {
	key: "food_cic", count: 6,
	names:    []string{"Wear Kitchen CIC", "Surplus Supper Club CIC", "Rolling Pin Community Kitchen CIC", "Good Food {place} CIC", "The Full Plate CIC", "Wearside Community Cooks CIC"},
	legal:    []string{"cic"},
	about:    []string{"A community interest company that turns surplus food into hot meals and cooking skills.", "Every penny of profit goes back into feeding people in {place} and across {area}.", "We started as a pop-up supper club in {year} and now run a café and cookery classes."},
	offers:   []string{"cooking-skills", "cooking-skills", "food-cooking", "food-cooking", "food-support", "weight-management", "families", "volunteering"},
	services: [2]int{3, 5}, venues: []string{"cafe", "community_centre"}, nvenues: [2]int{1, 2},
	roles: []string{"Director", "Head cook", "Project coordinator"},
}, {
	key: "choir", count: 8,
	names:    []string{"{place} Community Choir", "{place} Singers", "{place} Ukulele Band", "Wearside Folk Club", "{place} Male Voice Choir"},
	legal:    []string{"constituted_group", "unincorporated", "charity"},
	about:    []string{"We have been singing together in {place} since {year}.", "We are a friendly, unauditioned group who perform at fêtes, care homes and the odd wedding.", "New members are welcome at any point in the year."},
	offers:   []string{"singing", "singing", "music", "music", "social-groups"},
	services: [2]int{1, 3}, venues: []string{"church_hall", "community_centre", "pub"}, nvenues: [2]int{1, 1},
	roles: []string{"Musical director", "Secretary", "Chair"},
}, {
	key: "arts", count: 14,
	names:    []string{"{place} Arts Collective", "Second Chapter Creative CIC", "Sea Glass Makers CIC", "Wearside Community Arts", "Lighthouse Arts CIC", "{place} Creative Hub", "{place} Arts Network"},
	legal:    []string{"constituted_group", "cio", "charity", "unincorporated"},
	about:    []string{"{org} brings people together to make things, and believes creativity belongs to everyone.", "Our artists and volunteers run sessions across {place} and the rest of {area}.", "We were set up in {year} and have worked with GP practices and link workers ever since."},
	offers:   []string{"arts-creativity", "arts-creativity", "art-classes", "art-classes", "crafts", "writing-reading", "music", "mental-wellbeing"},
	services: [2]int{2, 5}, venues: []string{"community_centre", "library", "cafe", "church_hall"}, nvenues: [2]int{1, 2},
	roles: []string{"Artist and facilitator", "Creative director", "Group leader", "Secretary"},
}, {
	key: "crafts", count: 6,
	names:    []string{"{place} Knit and Natter", "{place} Craft Circle", "{place} Sewing Circle"},
	legal:    []string{"unincorporated", "constituted_group"},
	about:    []string{"A small group of crafters who have met in {place} since {year}.", "We knit, sew and crochet for local charities, and chat a lot."},
	offers:   []string{"crafts", "crafts", "crafts", "social-groups", "loneliness"},
	services: [2]int{1, 2}, venues: []string{"library", "church_hall", "cafe"}, nvenues: [2]int{1, 1},
	roles: []string{"Group organiser"},
}, {
	key: "sports", count: 16,
	names:    []string{"{place} Sports Club", "{place} Active Club", "{place} Community Sports Association", "{place} Over 50s Sports Club", "{place} Walking Sports Club"},
	legal:    []string{"constituted_group", "unincorporated", "charity", "other"},
	about:    []string{"{org} has given people in {place} a reason to get moving since {year}.", "We are run by volunteer coaches and welcome all abilities, especially people who have not played for years.", "Our members range from their twenties to their eighties."},
	offers:   []string{"sport", "sport", "sport", "physical-activity", "walking", "gentle-exercise"},
	services: [2]int{1, 3}, venues: []string{"leisure_centre", "park", "school", "community_centre"}, nvenues: [2]int{1, 2},
	roles: []string{"Club secretary", "Head coach", "Chair", "Welfare officer"},
}, {
	key: "condition", count: 20,
	who: []string{"condition"}, strict: true,
	names:    []string{"Sunderland {Cond} Support Group", "Wearside {Cond} Friends", "{Cond} Support Wearside", "{place} {Cond} Group"},
	legal:    []string{"charity", "cio", "constituted_group", "unincorporated"},
	about:    []string{"Set up in {year} by people living with {cond}, we offer friendship, information and a bit of fun.", "We are run by volunteers, most of whom live with {cond} themselves or care for someone who does.", "Local NHS teams often suggest our group to people after a diagnosis."},
	offers:   []string{"condition-support", "condition-support", "condition-support", "condition-support", "peer-support", "gentle-exercise", "carers", "healthy-living", "mental-wellbeing"},
	services: [2]int{1, 3}, venues: []string{"community_centre", "church_hall", "gp_surgery", "library"}, nvenues: [2]int{1, 2}, wide: true,
	roles: []string{"Group leader", "Chair", "Secretary", "Support group coordinator"},
}, {
	key: "mental", count: 10,
	names:    []string{"Wearside Wellbeing Trust", "{place} Wellbeing Hub", "Lifting Spirits Sunderland", "Talking Matters Wearside", "Brighter Days Wearside", "Safe Harbour Wellbeing CIC", "{place} Mental Health Network"},
	legal:    []string{"charity", "cio", "company"},
	about:    []string{"{org} supports people across Sunderland with their mental health, in groups, one to one and by phone.", "Many of our staff and volunteers have lived experience of mental ill health.", "We have worked alongside GP practices and social prescribing link workers since {year}."},
	offers:   []string{"talking-support", "talking-support", "talking-support", "mindfulness", "mindfulness", "mental-wellbeing", "mental-wellbeing", "peer-support", "art-classes", "walking", "arts-creativity"},
	services: [2]int{3, 6}, venues: []string{"office", "community_centre", "cafe"}, nvenues: [2]int{1, 3}, wide: true,
	roles: []string{"Wellbeing worker", "Service manager", "Peer support worker", "Counselling coordinator"},
}, {
	key: "advice", count: 10,
	names:    []string{"Wearside Advice Centre", "{place} Advice Centre", "{place} Money Advice Project", "Wearside Welfare Rights Project", "Wearside Community Law Project", "{place} Independent Advice"},
	legal:    []string{"charity", "cio", "company"},
	about:    []string{"{org} has given free, independent advice to people in Sunderland since {year}.", "Our advisers help with debts, benefits, housing and work problems, and last year helped people claim money they were owed.", "We hold the Advice Quality Standard, and our debt advice is authorised by the Financial Conduct Authority."},
	offers:   []string{"debt-advice", "debt-advice", "benefits-advice", "benefits-advice", "advice-rights", "advice-rights", "housing-advice", "energy-advice", "money-debt"},
	services: [2]int{3, 6}, venues: []string{"office", "library", "community_centre"}, nvenues: [2]int{1, 3}, wide: true,
	roles: []string{"Advice services manager", "Welfare rights adviser", "Debt adviser", "Outreach adviser"},
}, {
	key: "gardening", count: 14,
	names:    []string{"{place} Allotment Association", "{place} Community Garden", "Friends of {park}", "{place} Growers", "{place} Green Spaces Group"},
	legal:    []string{"constituted_group", "unincorporated", "cio", "charity"},
	about:    []string{"{org} looks after green space in {place} and gets local people growing.", "We started in {year} with one overgrown plot and a lot of enthusiasm.", "All our produce is shared with members and the local food bank."},
	offers:   []string{"community-gardening", "community-gardening", "community-gardening", "conservation", "conservation", "nature-gardening", "nature-gardening", "volunteering", "walking", "cooking-skills"},
	services: [2]int{1, 4}, venues: []string{"allotments", "park"}, nvenues: [2]int{1, 2},
	roles: []string{"Site secretary", "Garden coordinator", "Volunteer ranger", "Chair"},
}, {
	key: "sheds", count: 8,
	who:      []string{"men"},
	names:    []string{"{place} Men's Shed", "{place} Community Shed", "{place} Shed Project"},
	legal:    []string{"constituted_group", "cio", "unincorporated"},
	about:    []string{"A community workshop in {place} where people, mostly men, make things, fix things and look out for each other.", "The shed opened in {year} and now has more than forty members.", "We take on jobs for local schools, churches and neighbours."},
	offers:   []string{"mens-sheds", "mens-sheds", "mens-sheds", "crafts", "volunteering", "peer-support", "mental-wellbeing"},
	services: [2]int{1, 3}, venues: []string{"community_centre", "allotments", "office"}, nvenues: [2]int{1, 1},
	roles: []string{"Shed coordinator", "Chair", "Workshop supervisor"},
}, {
	key: "carers", count: 5,
	who: []string{"carers", "youngcarers"}, strict: true,
	names:    []string{"Wearside Carers Network", "{place} Carers Support Group", "Wearside Young Carers", "Coalfields Carers Group", "Sunderland Parent Carers Forum"},
	legal:    []string{"charity", "cio", "constituted_group"},
	about:    []string{"{org} supports unpaid carers of all ages across Sunderland.", "We offer information, breaks and a listening ear, and make sure carers' voices are heard.", "We were set up by carers in {year}, and carers still sit on our board."},
	offers:   []string{"carers", "carers", "carers", "peer-support", "befriending", "bereavement", "mindfulness", "benefits-advice"},
	services: [2]int{2, 5}, venues: []string{"community_centre", "office", "cafe"}, nvenues: [2]int{1, 2}, wide: true,
	roles: []string{"Carers support worker", "Young carers worker", "Coordinator"},
}, {
	key: "older", count: 18,
	who: []string{"over50", "over65"}, strict: true,
	names:    []string{"{place} Over 50s Forum", "{place} Senior Citizens' Club", "{place} Good Neighbours", "{place} Live at Home Scheme", "{place} Friendship Club", "Age Friendly {place}"},
	legal:    []string{"charity", "cio", "constituted_group"},
	about:    []string{"{org} helps older people in {place} stay independent, active and connected.", "We have run clubs, outings and befriending here since {year}.", "Most of our volunteers are retired themselves, and many started as members."},
	offers:   []string{"social-groups", "social-groups", "befriending", "befriending", "loneliness", "loneliness", "gentle-exercise", "transport", "digital-skills", "dance", "walking", "music"},
	services: [2]int{3, 7}, venues: []string{"community_centre", "church_hall"}, nvenues: [2]int{1, 2},
	roles: []string{"Scheme manager", "Befriending coordinator", "Lunch club organiser", "Activities coordinator"},
}, {
	key: "families", count: 12,
	who:      []string{"families", "parents", "under5s", "youth", "young", "youngcarers"},
	names:    []string{"{place} Family Project", "{place} Youth Project", "{place} Parents' Network", "Little Steps {place}", "{place} Children and Families Trust"},
	legal:    []string{"charity", "cio", "cic"},
	about:    []string{"{org} supports children, young people and families in {place}.", "We have been part of the community since {year}, and some of the parents who come now came to us as children.", "Our staff are qualified youth and family workers, and all are DBS-checked."},
	offers:   []string{"families", "families", "families", "cooking-skills", "peer-support", "adult-learning", "food-support", "mental-wellbeing", "physical-activity", "carers"},
	services: [2]int{3, 6}, venues: []string{"youth_centre", "school", "community_centre"}, nvenues: [2]int{1, 2},
	roles: []string{"Family support worker", "Youth worker", "Project manager", "Early years practitioner"},
}, {
	key: "employment", count: 8,
	names:    []string{"Wearside Skills and Work Project", "{place} Learning Centre", "Next Steps Employment Project", "Pathways to Work Sunderland", "Shipyard Skills CIC"},
	legal:    []string{"charity", "cio", "company"},
	about:    []string{"{org} helps people in Sunderland into learning, volunteering and work.", "We work with people at their own pace, especially those who have been out of work for health reasons.", "Since {year} we have supported thousands of local people to take their next step."},
	offers:   []string{"job-search", "job-search", "job-search", "employment-skills", "employment-skills", "adult-learning", "adult-learning", "digital-skills", "volunteering", "money-debt"},
	services: [2]int{3, 5}, venues: []string{"office", "library", "community_centre"}, nvenues: [2]int{1, 2}, wide: true,
	roles: []string{"Employment coach", "Learning coordinator", "Project manager"},
}, {
	key: "housing", count: 6,
	names:    []string{"Wearside Housing Aid", "Harbour House Homeless Project", "{place} Night Shelter", "Wearside Tenants' Federation", "Open Door Wearside"},
	legal:    []string{"charity", "cio", "company"},
	about:    []string{"{org} works to end homelessness in Sunderland.", "We offer advice, a safe place to stay and support to rebuild lives.", "Our work started in {year} with a soup run and a handful of volunteers."},
	offers:   []string{"housing", "housing", "housing-advice", "housing-advice", "homelessness", "homelessness", "food-support", "substance-use"},
	services: [2]int{2, 4}, venues: []string{"office", "church_hall"}, nvenues: [2]int{1, 2}, wide: true,
	roles: []string{"Housing support worker", "Outreach worker", "Project manager"},
}, {
	key: "recovery", count: 5,
	names:    []string{"Wearside Recovery Community", "{place} Recovery Café", "Sober Steps Sunderland", "Second Wind Recovery CIC"},
	legal:    []string{"charity", "cio", "constituted_group"},
	about:    []string{"{org} is a recovery community run by people in recovery from drugs and alcohol.", "We believe recovery is possible for everyone, and that nobody should do it alone.", "We started in {year} with a Sunday breakfast and a few chairs."},
	offers:   []string{"substance-use", "substance-use", "substance-use", "peer-support", "mental-wellbeing", "volunteering", "walking"},
	services: [2]int{2, 4}, venues: []string{"cafe", "community_centre", "office"}, nvenues: [2]int{1, 2}, wide: true,
	roles: []string{"Recovery coordinator", "Peer mentor", "Project worker"},
}, {
	key: "domestic", count: 3,
	staff:    "women",
	who:      []string{"women"},
	names:    []string{"Safe Harbour Wearside", "Freedom Women's Project Sunderland", "Wearside Domestic Abuse Service"},
	legal:    []string{"charity", "cio"},
	about:    []string{"{org} supports women, men and children affected by domestic abuse in Sunderland.", "Our services are free and confidential, and we will never share your information without your permission unless someone is at risk.", "We have been supporting survivors since {year}."},
	offers:   []string{"domestic-abuse", "domestic-abuse", "domestic-abuse", "peer-support", "talking-support", "families"},
	services: [2]int{2, 4}, venues: []string{"office"}, nvenues: [2]int{1, 1}, wide: true, hidden: true,
	roles: []string{"Domestic abuse adviser", "Outreach worker", "Service manager"},
}, {
	key: "bereavement", count: 4,
	names:    []string{"Wearside Bereavement Friends", "{place} Bereavement Café", "Sunderland Bereavement Support", "Forget Me Not Bereavement Group"},
	legal:    []string{"charity", "constituted_group", "unincorporated"},
	about:    []string{"{org} offers support, understanding and company to people who are grieving.", "Our volunteers are trained, and many have been bereaved themselves."},
	offers:   []string{"bereavement", "bereavement", "bereavement", "talking-support", "peer-support"},
	services: [2]int{1, 3}, venues: []string{"church_hall", "community_centre", "cafe"}, nvenues: [2]int{1, 1},
	roles: []string{"Bereavement coordinator", "Volunteer lead"},
}, {
	key: "transport", count: 3,
	names:    []string{"Wearside Community Transport", "{place} Shopmobility", "Coalfields Community Transport"},
	legal:    []string{"charity", "company"},
	about:    []string{"{org} helps people who cannot easily use buses get where they need to go.", "Our accessible minibuses and volunteer drivers have been on the road since {year}."},
	offers:   []string{"transport", "transport", "transport", "loneliness", "social-groups"},
	services: [2]int{1, 3}, venues: []string{"office"}, nvenues: [2]int{1, 1}, wide: true,
	roles: []string{"Transport coordinator", "Bookings officer"},
}, {
	key: "volunteering", count: 3,
	names:    []string{"Wearside Volunteer Hub", "{place} Volunteer Network", "Give Time Sunderland"},
	legal:    []string{"charity", "cio"},
	about:    []string{"{org} matches local people with volunteering roles across Sunderland.", "We support groups to recruit and look after volunteers well."},
	offers:   []string{"volunteering", "volunteering", "volunteering", "employment-skills", "conservation"},
	services: [2]int{1, 3}, venues: []string{"office", "library"}, nvenues: [2]int{1, 2}, wide: true,
	roles: []string{"Volunteer coordinator", "Volunteering development officer"},
}, {
	key: "digital", count: 5,
	names:    []string{"{place} Digital Champions", "Get Online Wearside", "Tech Pals CIC", "Silver Surfers {place}"},
	legal:    []string{"cic", "constituted_group", "cio"},
	about:    []string{"{org} helps people get online safely and confidently, whatever their age.", "Our volunteers have helped people with everything from video-calling grandchildren to ordering repeat prescriptions."},
	offers:   []string{"digital-skills", "digital-skills", "digital-skills", "adult-learning", "job-search", "loneliness"},
	services: [2]int{2, 4}, venues: []string{"library", "community_centre", "cafe"}, nvenues: [2]int{1, 3},
	roles: []string{"Digital inclusion officer", "Volunteer coordinator"},
}, {
	key: "gp", count: 8,
	names:    []string{"{place} Medical Group Patient Participation Group", "{place} Surgery Patients' Group", "{place} Health Centre Friends"},
	legal:    []string{"unincorporated", "other"},
	about:    []string{"The patient group of {place}'s GP practice, run by patients working with the practice team.", "We run health walks, talks and support groups open to anyone, registered with the practice or not."},
	offers:   []string{"walking", "peer-support", "healthy-living", "healthy-living", "condition-support", "condition-support", "stop-smoking", "weight-management"},
	services: [2]int{2, 4}, venues: []string{"gp_surgery"}, nvenues: [2]int{1, 1},
	roles: []string{"PPG chair", "Health and wellbeing coach", "Care coordinator"},
}, {
	key: "mens_talk", count: 4,
	staff: "men",
	who:   []string{"men"}, strict: true,
	names:    []string{"{place} Men's Talking Group", "Wearside Lads' Talk", "Pint and a Natter Sunderland", "Mates Matter Wearside"},
	legal:    []string{"constituted_group", "cio", "unincorporated"},
	about:    []string{"{org} was started by local men who wanted somewhere to talk honestly about how they were doing.", "We are not counsellors, just lads looking out for each other."},
	offers:   []string{"talking-support", "talking-support", "peer-support", "peer-support", "mental-wellbeing", "walking", "sport"},
	services: [2]int{1, 3}, venues: []string{"pub", "cafe", "community_centre"}, nvenues: [2]int{1, 2},
	roles: []string{"Founder", "Peer facilitator"},
}, {
	key: "cafe", count: 6,
	names:    []string{"{place} Community Café CIC", "Bread and Roses Community Café", "Pop-In Café {place}", "The Hive Community Café"},
	legal:    []string{"cic", "constituted_group"},
	about:    []string{"A not-for-profit café in {place}, run by volunteers, where nobody is a stranger for long.", "We opened in {year}, and any money we make goes back into the community.", "We also offer volunteering placements for people getting back into work."},
	offers:   []string{"social-groups", "food-cooking", "food-cooking", "volunteering", "cooking-skills", "crafts", "loneliness"},
	services: [2]int{2, 4}, venues: []string{"cafe"}, nvenues: [2]int{1, 1},
	roles: []string{"Café manager", "Director", "Volunteer coordinator"},
}, {
	key: "leisure", count: 2,
	names:    []string{"Wearside Leisure Trust", "Coalfields Active Trust"},
	legal:    []string{"charity", "company"},
	about:    []string{"{org} runs leisure centres and community sport across the area as a charitable trust.", "Our exercise referral team works with GPs and link workers to help people get active safely."},
	offers:   []string{"sport", "sport", "physical-activity", "physical-activity", "gentle-exercise", "gentle-exercise", "weight-management", "dance", "healthy-living"},
	services: [2]int{5, 9}, venues: []string{"leisure_centre"}, nvenues: [2]int{2, 4}, wide: true,
	roles: []string{"Active communities officer", "Exercise referral instructor", "Centre manager"},
}, {
	key: "libraries", count: 1,
	names:    []string{"Sunderland Libraries"},
	legal:    []string{"public_body"},
	about:    []string{"Sunderland City Council's library service.", "Libraries are free, warm and welcoming places to read, learn, get online and meet people.", "Ask at any library counter about our events and groups."},
	offers:   []string{"writing-reading", "writing-reading", "writing-reading", "digital-skills", "digital-skills", "families", "families", "job-search", "adult-learning", "mental-wellbeing", "social-groups"},
	services: [2]int{8, 11}, venues: []string{"library"}, nvenues: [2]int{4, 6}, wide: true,
	roles: []string{"Library manager", "Library assistant", "Reader development officer"},
}, {
	key: "council", count: 6,
	names:    []string{"Sunderland Adult Learning Service", "Sunderland Welfare Rights Service", "Sunderland Healthy Lifestyles Service", "Sunderland Housing Options Team", "Sunderland Family Hubs", "Sunderland Parks and Countryside Rangers"},
	legal:    []string{"public_body"},
	about:    []string{"A Sunderland City Council service, free to residents of the city.", "Our team works alongside community groups, GP practices and link workers across Sunderland."},
	offers:   []string{}, // see councilOffers: each service runs its own specialism
	services: [2]int{3, 6}, venues: []string{"office", "library", "community_centre"}, nvenues: [2]int{1, 3}, wide: true,
	roles: []string{"Team leader", "Officer", "Service manager"},
}, {
	key: "durham", count: 2,
	names:    []string{"East Durham Healthy Living Team", "East Durham Community Connect"},
	legal:    []string{"public_body"},
	about:    []string{"A Durham County Council team working across Seaham, Murton, Easington and Peterlee.", "We work alongside community groups, GP practices and social prescribing link workers in East Durham."},
	offers:   []string{"stop-smoking", "weight-management", "healthy-living", "healthy-living", "physical-activity", "walking", "money-debt", "loneliness"},
	services: [2]int{3, 6}, venues: []string{"community_centre", "library", "gp_surgery"}, nvenues: [2]int{2, 3}, wide: true, county: "County Durham",
	roles: []string{"Health trainer", "Community connector", "Team leader"},
}}

// councilOffers gives each council service its specialism, by name; a
// welfare rights team that ran a choir would give the demo away.
var councilOffers = map[string][]string{
	"Sunderland Adult Learning Service":        {"adult-learning", "adult-learning", "adult-learning", "employment-skills", "digital-skills", "art-classes", "cooking-skills", "money-debt"},
	"Sunderland Welfare Rights Service":        {"benefits-advice", "benefits-advice", "benefits-advice", "money-debt", "debt-advice", "advice-rights"},
	"Sunderland Healthy Lifestyles Service":    {"stop-smoking", "stop-smoking", "weight-management", "weight-management", "healthy-living", "healthy-living", "physical-activity"},
	"Sunderland Housing Options Team":          {"housing-advice", "housing-advice", "homelessness", "homelessness", "housing"},
	"Sunderland Family Hubs":                   {"families", "families", "families", "peer-support", "cooking-skills", "adult-learning"},
	"Sunderland Parks and Countryside Rangers": {"conservation", "conservation", "nature-gardening", "walking", "community-gardening"},
}
