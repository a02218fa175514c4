package exercises

import (
	"fmt"

	"osplay/kernel/explore"
	"osplay/kernel/msg"
)

// title is the check's title in lang: the author's, or one made from its
// parameters. It never gives away a question's answer.
func (c *Check) title(lang string) string {
	if !c.Title.IsZero() {
		return c.Title.In(lang)
	}
	switch c.Type {
	case CheckOutput:
		stream := "stdout"
		if c.Stream == "stderr" {
			stream = "stderr"
		}
		switch c.Match {
		case "exact":
			return tr(lang, stream+" 출력이 줄마다 순서대로 일치", "The "+stream+" lines, in order")
		case "multiset":
			return tr(lang, stream+" 출력 줄들 (순서 무관)", "The "+stream+" lines, in any order")
		case "contains":
			return tr(lang, stream+"에 나와야 할 줄들", "Lines that must appear in "+stream)
		case "regexp":
			return tr(lang, stream+" 출력의 형식", "The form of the "+stream+" lines")
		case "count":
			return tr(lang, fmt.Sprintf("%s에서 /%s/와 맞는 줄의 수", stream, c.Pattern), fmt.Sprintf("Lines of %s matching /%s/", stream, c.Pattern))
		}
	case CheckExit:
		who := map[string][2]string{
			"": {"첫 프로세스의", "The first process's"}, "main": {"첫 프로세스의", "The first process's"},
			"every": {"모든 프로세스의", "Every process's"}, "children": {"모든 자식 프로세스의", "Every child's"},
			"any": {"어느 한 프로세스의", "Some process's"},
		}[c.Of]
		return tr(lang, who[0]+" 종료 상태", who[1]+" exit status")
	case CheckProcesses:
		if c.Of == "children" {
			return tr(lang, "생성된 자식 프로세스의 수", "Number of child processes created")
		}
		return tr(lang, "생성된 프로세스의 수", "Number of processes created")
	case CheckExec:
		return tr(lang, "exec로 실행한 프로그램: "+c.execText(), "Program run with exec: "+c.execText())
	case CheckTree:
		return tr(lang, "프로세스 트리의 모양", "Shape of the process tree")
	case CheckZombies:
		if c.Expect == "present" {
			return tr(lang, "좀비 프로세스가 생긴다", "A zombie process appears")
		}
		if c.Ticks > 0 {
			return tr(lang, fmt.Sprintf("좀비를 남기지 않고, 끝난 자식을 %d틱 안에 거둔다", c.Ticks), fmt.Sprintf("No zombie left behind, each child reaped within %d ticks of its end", c.Ticks))
		}
		return tr(lang, "좀비를 남기지 않는다", "No zombie left behind")
	case CheckOrphans:
		return tr(lang, "init에 입양된 고아 프로세스의 수", "Orphans adopted by init")
	case CheckStates:
		return tr(lang, "상태 전이 "+c.transitionText(Korean), "State transitions "+c.transitionText(English))
	case CheckMetric:
		return tr(lang, "스케줄링 지표: "+c.metricText(Korean), "Scheduling metric: "+c.metricText(English))
	case CheckDeadlock:
		if c.deadlockExpected() {
			if c.Equals != nil {
				return tr(lang, fmt.Sprintf("교착 상태: 스레드 %s개가 순환 대기한다", num(*c.Equals)), fmt.Sprintf("A deadlock: %s threads wait in a cycle", num(*c.Equals)))
			}
			return tr(lang, "교착 상태가 일어난다", "A deadlock happens")
		}
		return tr(lang, "교착 상태가 없다", "No deadlock")
	case CheckGlobals:
		return c.globalsTitle(lang)
	case CheckSignals:
		return c.signalText(lang)
	case CheckSyscalls:
		return c.callText(lang)
	case CheckBlocked:
		return c.blockedText(lang)
	case CheckExplore:
		k := c.Preemptions
		if k == 0 {
			k = explore.DefaultPreemptions
		}
		if c.Expect == "fails" {
			return tr(lang, "스케줄 탐색이 실패하는 스케줄을 찾는다", "Explore finds a failing schedule")
		}
		if c.Strategy == "" || c.Strategy == explore.Exhaustive {
			return tr(lang, fmt.Sprintf("선점 %d번 이하의 어떤 스케줄에서도 실패하지 않는다", k), "No schedule with at most "+preemptions(k)+" fails")
		}
		return tr(lang, "스케줄 탐색이 실패하는 스케줄을 찾지 못한다", "Explore finds no failing schedule")
	case CheckRaces:
		if c.Expect == "race" {
			if c.Var != "" {
				return tr(lang, c.Var+"에 대한 데이터 경쟁이 보고된다", "A data race on "+c.Var+" is reported")
			}
			return tr(lang, "데이터 경쟁이 보고된다", "A data race is reported")
		}
		return tr(lang, "데이터 경쟁이 없다", "No data race")
	case CheckGuards:
		if c.Lock == "none" {
			return tr(lang, c.Var+msg.Particle(c.Var, "을")+" 늘 지키는 락이 없다", "No lock protects "+c.Var)
		}
		return tr(lang, c.Lock+msg.Particle(c.Lock, "이")+" "+c.Var+msg.Particle(c.Var, "을")+" 지킨다", c.Lock+" protects "+c.Var)
	case CheckPredict:
		n := len(c.Predictions)
		return tr(lang, fmt.Sprintf("실행 중에 묻는 예측 %d개가 모두 맞다", n), fmt.Sprintf("Your %d predictions during the run are right", n))
	case CheckQuestion:
		return c.Ask.In(lang)
	}
	return c.Type
}
