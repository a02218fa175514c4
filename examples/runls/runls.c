/* runls -- run ls in a subprocess */
main()
{
	int pid;

	pid = fork();

	/* if parent, use wait to suspend
	   execution until child finishes */
	if(pid > 0)
	{
		wait((int *)0);
		printf("ls completed\n");
		exit(0);
	}

	/* if child then exec ls */
	if(pid == 0)
	{
		execl("/bin/ls", "ls", "-l", (char *)0);
		fatal("execl failed");
	}

	/* getting here means pid is negative,
	   so error has occurred */
	fatal("fork failed");
}

fatal(char *s)
{
	perror(s);
	exit(1);
}
