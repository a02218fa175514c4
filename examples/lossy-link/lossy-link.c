/* Exception conditions (seed 001, slide 3.47): a link that loses and
   scrambles messages, with a probability drawn from the run's seed (the
   same seed loses the same messages). The sender seals each message with
   a checksum in its control field and numbers it; the receiver finds the
   scrambled ones by the checksum and the lost ones by the gaps. Change
   the seed in the settings and run it again. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/message.h>

#define COUNT 20
#define END (-1)

int main(void)
{
	struct message m;
	pid_t receiver = fork();
	if (receiver == 0) {
		pid_t from;
		int expect = 0, lost = 0, scrambled = 0;
		for (;;) {
			blockreceive(&m, &from);
			if (m.type == END)
				break;
			if (!message_intact(&m)) {
				printf("message %d: scrambled (checksum %04x, body says %04x)\n", m.type, m.control, checksum(m.body, m.length));
				scrambled++;
			}
			for (; expect < m.type; expect++) {
				printf("message %d: lost\n", expect);
				lost++;
			}
			expect = m.type + 1;
		}
		printf("%d sent, %d lost, %d scrambled\n", COUNT, lost + COUNT - expect, scrambled);
		return 0;
	}
	link_faults(receiver, 15, 15);
	for (int i = 0; i < COUNT; i++) {
		m.type = i;
		m.length = sprintf(m.body, "message number %d", i) + 1;
		message_seal(&m);
		send(receiver, &m);
	}
	link_faults(receiver, 0, 0);	/* the end must arrive */
	m.type = END;
	m.length = 0;
	send(receiver, &m);
	wait(NULL);
	return 0;
}
