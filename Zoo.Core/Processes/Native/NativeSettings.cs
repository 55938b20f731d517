using Zoo.Core.Configuration;

namespace Zoo.Core.Processes.Native;

/// <summary>
/// How C services run: the executable started as their child process (the kernel itself, with
/// <see cref="NativeServiceHost.Flag"/>), and how long one may run: the same limit as a Python service's,
/// <c>[python] timeout</c> (<see cref="Limits.ServiceTimeout"/>).
/// </summary>
public sealed record NativeSettings(string Host, TimeSpan Timeout)
{
    public static NativeSettings From(MainConfig config) =>
        new(Environment.ProcessPath ?? throw new InvalidOperationException("the kernel does not know its own executable"),
            config.Limits.ServiceTimeout);
}
