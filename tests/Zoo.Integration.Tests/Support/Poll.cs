using System.Diagnostics;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// Waits for something to become true by asking again and again until a deadline: never a fixed
/// sleep, so a fast machine is fast and a slow one fails only at the deadline, with what was seen.
/// </summary>
public static class Poll
{
    /// <summary>Between two probes that are cheap (a file, /proc); probes that run a CGI need none.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Probes until <paramref name="done"/> holds for a value, and returns that value; fails the test
    /// at the deadline, saying what was waited for and the last value seen.
    /// </summary>
    public static T Until<T>(Func<T> probe, Func<T, bool> done, TimeSpan deadline, string what, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = probe();
            if (done(value))
                return value;
            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"timed out after {deadline.TotalSeconds:0.#} s waiting for {what}; last seen: {value}");
                throw new UnreachableException();
            }
            if (interval is { } pause && pause > TimeSpan.Zero)
                Thread.Sleep(pause);
        }
    }

    public static void Until(Func<bool> condition, TimeSpan deadline, string what) =>
        Until(condition, done => done, deadline, what, Interval);
}
