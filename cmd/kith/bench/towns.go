package bench

import (
	"math"

	"kith/geo"
)

// town is a real English town or city: its approximate centre and a weight
// close to its population in thousands, which decides how many services it
// gets. London is split into districts so that its services spread like the
// city does instead of piling onto Charing Cross.
type town struct {
	name     string
	lat, lon float64
	pop      float64
}

// spreadKm is the standard deviation of the scatter of services around the
// centre: bigger places sprawl further.
func (t town) spreadKm() float64 { return 0.25 * math.Sqrt(t.pop) }

func (t town) point() geo.Point { return geo.MustLonLat(t.lon, t.lat) }

var towns = []town{
	{"Holborn", 51.5176, -0.1206, 450}, {"Camden", 51.5390, -0.1426, 420},
	{"Brixton", 51.4613, -0.1156, 420}, {"Stratford", 51.5416, -0.0034, 430},
	{"Croydon", 51.3762, -0.0982, 390}, {"Sutton", 51.3618, -0.1945, 210},
	{"Ealing", 51.5130, -0.3089, 370}, {"Barnet", 51.6252, -0.1517, 390},
	{"Lewisham", 51.4452, -0.0209, 300}, {"Harrow", 51.5806, -0.3420, 250},
	{"Romford", 51.5768, 0.1801, 260}, {"Kingston upon Thames", 51.4123, -0.3007, 180},
	{"Enfield", 51.6523, -0.0807, 330}, {"Wembley", 51.5588, -0.2817, 330},
	{"Walthamstow", 51.5908, -0.0199, 280}, {"Hammersmith", 51.4927, -0.2339, 180},
	{"Woolwich", 51.4905, 0.0632, 290}, {"Bromley", 51.4039, 0.0198, 330},
	{"Hounslow", 51.4668, -0.3615, 290}, {"Tottenham", 51.5975, -0.0681, 260},
	{"Birmingham", 52.4862, -1.8904, 1100}, {"Manchester", 53.4808, -2.2426, 550},
	{"Liverpool", 53.4084, -2.9916, 500}, {"Leeds", 53.8008, -1.5491, 520},
	{"Sheffield", 53.3811, -1.4701, 560}, {"Bristol", 51.4545, -2.5879, 470},
	{"Newcastle upon Tyne", 54.9783, -1.6178, 300}, {"Sunderland", 54.9069, -1.3838, 175},
	{"Nottingham", 52.9548, -1.1581, 330}, {"Leicester", 52.6369, -1.1398, 370},
	{"Coventry", 52.4068, -1.5197, 370}, {"Bradford", 53.7960, -1.7594, 350},
	{"Hull", 53.7676, -0.3274, 260}, {"Stoke-on-Trent", 53.0027, -2.1794, 255},
	{"Wolverhampton", 52.5862, -2.1288, 260}, {"Plymouth", 50.3755, -4.1427, 265},
	{"Derby", 52.9225, -1.4746, 260}, {"Southampton", 50.9097, -1.4044, 250},
	{"Portsmouth", 50.8198, -1.0880, 210}, {"Reading", 51.4543, -0.9781, 175},
	{"Brighton", 50.8225, -0.1372, 230}, {"Norwich", 52.6309, 1.2974, 145},
	{"Cambridge", 52.2053, 0.1218, 145}, {"Oxford", 51.7520, -1.2577, 150},
	{"York", 53.9591, -1.0815, 155}, {"Exeter", 50.7184, -3.5339, 130},
	{"Milton Keynes", 52.0406, -0.7594, 230}, {"Northampton", 52.2405, -0.9027, 225},
	{"Luton", 51.8787, -0.4200, 225}, {"Peterborough", 52.5695, -0.2405, 200},
	{"Swindon", 51.5558, -1.7797, 185}, {"Ipswich", 52.0567, 1.1482, 140},
	{"Gloucester", 51.8642, -2.2382, 130}, {"Cheltenham", 51.8994, -2.0783, 115},
	{"Bournemouth", 50.7192, -1.8808, 190}, {"Poole", 50.7150, -1.9872, 150},
	{"Preston", 53.7632, -2.7031, 145}, {"Blackpool", 53.8175, -3.0357, 140},
	{"Bolton", 53.5769, -2.4282, 195}, {"Wigan", 53.5451, -2.6325, 105},
	{"Warrington", 53.3900, -2.5970, 165}, {"Huddersfield", 53.6458, -1.7850, 160},
	{"Halifax", 53.7248, -1.8658, 90}, {"Harrogate", 53.9921, -1.5418, 75},
	{"Middlesbrough", 54.5742, -1.2350, 140}, {"Carlisle", 54.8925, -2.9329, 75},
	{"Lancaster", 54.0466, -2.8007, 52}, {"Lincoln", 53.2307, -0.5406, 100},
	{"Chester", 53.1934, -2.8931, 80}, {"Shrewsbury", 52.7073, -2.7553, 72},
	{"Telford", 52.6766, -2.4469, 145}, {"Hereford", 52.0565, -2.7160, 60},
	{"Worcester", 52.1936, -2.2216, 100}, {"Dorchester", 50.7154, -2.4367, 21},
	{"Weymouth", 50.6144, -2.4576, 53}, {"Bath", 51.3811, -2.3590, 90},
	{"Taunton", 51.0150, -3.1029, 60}, {"Truro", 50.2632, -5.0510, 20},
	{"Canterbury", 51.2802, 1.0789, 55}, {"Maidstone", 51.2704, 0.5227, 110},
	{"Chelmsford", 51.7356, 0.4685, 110}, {"Colchester", 51.8959, 0.8919, 130},
	{"Southend-on-Sea", 51.5459, 0.7077, 180}, {"Guildford", 51.2362, -0.5704, 80},
	{"Basingstoke", 51.2665, -1.0924, 110}, {"Salisbury", 51.0688, -1.7945, 41},
	{"Barnstaple", 51.0782, -4.0580, 31}, {"Kendal", 54.3280, -2.7463, 29},
	{"Scarborough", 54.2831, -0.3998, 61}, {"Doncaster", 53.5228, -1.1285, 110},
	{"Barnsley", 53.5526, -1.4797, 95}, {"Rotherham", 53.4326, -1.3635, 110},
	{"Durham", 54.7761, -1.5733, 50}, {"Darlington", 54.5236, -1.5595, 93},
	{"Hartlepool", 54.6863, -1.2129, 90}, {"Grimsby", 53.5675, -0.0802, 88},
	{"Boston", 52.9789, -0.0266, 45}, {"King's Lynn", 52.7517, 0.3953, 43},
	{"Bedford", 52.1357, -0.4669, 105}, {"Oldham", 53.5409, -2.1114, 100},
	{"Stockport", 53.4106, -2.1575, 135}, {"Blackburn", 53.7486, -2.4875, 117},
	{"Burnley", 53.7893, -2.2405, 75}, {"St Helens", 53.4539, -2.7373, 100},
	{"Southport", 53.6457, -3.0101, 90}, {"Crewe", 53.0979, -2.4416, 75},
	{"Stafford", 52.8066, -2.1171, 70}, {"Walsall", 52.5862, -1.9829, 170},
	{"Dudley", 52.5087, -2.0877, 80}, {"Worthing", 50.8179, -0.3729, 110},
	{"Eastbourne", 50.7684, 0.2905, 100}, {"Hastings", 50.8543, 0.5735, 92},
	{"Folkestone", 51.0814, 1.1695, 50}, {"Wakefield", 53.6830, -1.4977, 110},
	{"Hexham", 54.9710, -2.1017, 13}, {"Penrith", 54.6641, -2.7528, 16},
	{"Berwick-upon-Tweed", 55.7704, -2.0049, 12}, {"Ripon", 54.1383, -1.5243, 17},
	{"Leominster", 52.2272, -2.7380, 12}, {"Bridport", 50.7336, -2.7584, 14},
	{"Wigton", 54.8236, -3.1614, 6}, {"Bude", 50.8290, -4.5434, 10},
}

// england is a rough outline of England's coast and borders (lon, lat),
// drawn generously: it only keeps the rural background off the sea and out
// of Scotland and Wales.
var england = [][2]float64{
	{-2.03, 55.80}, {-1.60, 55.60}, {-1.40, 55.05}, {-1.30, 54.90}, {-1.12, 54.70},
	{-0.90, 54.60}, {-0.55, 54.50}, {-0.30, 54.28}, {-0.15, 54.10}, {0.10, 53.60}, {0.30, 53.30}, {0.34, 53.10},
	{0.20, 52.85}, {0.50, 52.90}, {1.00, 52.96}, {1.70, 52.70}, {1.75, 52.45},
	{1.55, 52.10}, {1.30, 51.95}, {1.20, 51.80}, {0.90, 51.55}, {0.70, 51.45},
	{1.40, 51.38}, {1.40, 51.15}, {0.95, 50.95}, {0.30, 50.75}, {-0.80, 50.75},
	{-1.10, 50.78}, {-1.60, 50.72}, {-1.95, 50.60}, {-2.45, 50.55}, {-3.00, 50.68},
	{-3.45, 50.60}, {-3.50, 50.22}, {-4.20, 50.33}, {-5.05, 50.00}, {-5.70, 50.05},
	{-5.10, 50.55}, {-4.55, 51.00}, {-4.20, 51.20}, {-3.40, 51.20}, {-2.95, 51.35},
	{-2.65, 51.60}, {-2.70, 51.85}, {-3.05, 52.00}, {-3.10, 52.35}, {-3.15, 52.55},
	{-3.00, 52.85}, {-2.75, 53.00}, {-3.00, 53.25}, {-3.15, 53.40}, {-3.05, 53.60},
	{-3.05, 53.90}, {-2.85, 54.10}, {-3.45, 54.40}, {-3.60, 54.60}, {-3.40, 54.90},
	{-3.05, 54.97}, {-2.60, 55.10}, {-2.20, 55.45},
}

// inEngland is the even-odd ray test against the outline.
func inEngland(lon, lat float64) bool {
	in := false
	for i, j := 0, len(england)-1; i < len(england); j, i = i, i+1 {
		a, b := england[i], england[j]
		if (a[1] > lat) != (b[1] > lat) && lon < (b[0]-a[0])*(lat-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// nearestTown names a rural point after the town it is nearest to.
func nearestTown(p geo.Point) *town {
	best, bestKm := &towns[0], math.Inf(1)
	for i := range towns {
		if d := geo.DistanceKm(p, towns[i].point()); d < bestKm {
			best, bestKm = &towns[i], d
		}
	}
	return best
}
