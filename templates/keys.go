package templates

// Shortcut is one line of the keyboard's list: the keys, and the key of
// the words saying what they do.
type Shortcut struct {
	Keys []string
	Text string
}

// Shortcuts are the playground's keys, as static/js/controls.js handles
// them; the list is the dialog "?" opens. Letters act only outside the
// editor and the fields.
var Shortcuts = []Shortcut{
	{[]string{"Ctrl+Enter", "R"}, "keys.run"},
	{[]string{"P"}, "keys.pause"},
	{[]string{"S"}, "keys.step"},
	{[]string{"E"}, "keys.stepEvent"},
	{[]string{"C"}, "keys.stepSyscall"},
	{[]string{"B"}, "keys.back"},
	{[]string{"T"}, "keys.timeline"},
	{[]string{"X"}, "keys.explore"},
	{[]string{"]", "["}, "keys.views"},
	{[]string{"V"}, "keys.choose"},
	{[]string{"I"}, "keys.input"},
	{[]string{"Esc", "Tab"}, "keys.editor"},
	{[]string{"?"}, "keys.list"},
}

// ViewName is a view of the playground a student may show or hide.
type ViewName struct{ Name, Title string }

// ViewNames are the views in the order the page shows them.
var ViewNames = []ViewName{
	{"proctree", "view.proctree"}, {"states", "view.states"}, {"queues", "view.queues"}, {"pcb", "view.pcb"},
	{"waitfor", "view.waitfor"}, {"ipc", "view.ipc"}, {"msc", "view.msc"}, {"instructions", "view.instructions"},
	{"gantt", "view.gantt"}, {"trace", "view.trace"},
}
