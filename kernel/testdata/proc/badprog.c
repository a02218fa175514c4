/* Does not compile: exec of ./badprog fails with ENOEXEC. */
int main(void)
{
	return undefined_variable;
}
