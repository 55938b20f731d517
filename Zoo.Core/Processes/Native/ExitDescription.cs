namespace Zoo.Core.Processes.Native;

/// <summary>How a child process ended, in words: .NET reports a death by signal N as exit code 128 + N.</summary>
internal static class ExitDescription
{
    public static string Of(int exitCode) => exitCode switch
    {
        > 128 and < 160 => $"killed by signal {exitCode - 128} ({SignalName(exitCode - 128)})",
        _ => $"exit code {exitCode}",
    };

    private static string SignalName(int signal) => signal switch
    {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "SIG" + signal,
    };
}
