package extract

import "testing"

func TestEventChoice(t *testing.T) {
	x := New()
	tests := []struct {
		name, title, text, want string
	}{
		{"an attack named by its place", "Minister condemns the attack in the Harbour district of Portsmouth",
			"The attack was a cowardly act against people at a market. Police said the attack began at dawn.", "Harbour attack"},
		{"liberation keeps its place after of", "Government welcomes the liberation of Kadira",
			"Troops entered Kadira on Monday. The liberation of the town ends a year of occupation.", "liberation of Kadira"},
		{"modifiers stay in the name", "Minister condemns barrel bomb attacks in Ruritania",
			"The attacks killed dozens. Officials called the attacks a crime.", "Ruritania barrel bomb attacks"},
		{"an operation the story files itself under", "Coalition forces conducted 12 strikes on Tuesday",
			"Aircraft hit targets near the border. Jets struck the depots as part of Operation Silent Harbour, which began in May.", "Operation Silent Harbour"},
		{"a conference in passing loses to nothing", "Farmers expect a good harvest",
			"Rain came early this year. Prices held. Growers met at the Westland Farming Conference in May, then went home to plant.", ""},
		{"a tournament named in the singular and the plural", "Fiji eye the last eight",
			"Fiji have won two games in three World Cups. Their coach said this World Cup was different. Fans expect more.", "World Cup"},
		{"a country opening the headline names the happening", "Moldova protests spread to the ports",
			"Crowds gathered again on Sunday. The protests began over fuel prices.", "Moldova protests"},
		{"a day glued onto the name", "Okafor wins in Westland",
			"Okafor won the Westland Cup Championship Sunday after a late surge. The Westland Cup Championship ends the season.", "Westland Cup Championship"},
		{"a bare happening names nothing", "The attack shocked everyone",
			"Nobody expected it. The attack was over in minutes.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := x.Extract(tt.title, tt.text).Event; got != tt.want {
				t.Errorf("event = %q, want %q", got, tt.want)
			}
		})
	}
}
