using System.Diagnostics;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Callback;

/// <summary>
/// A callback service that is down or never answers does not hold a job: the job's status is final as soon as the
/// job ends, and its worker is gone within [callback] timeout after that, every lost call logged with its step.
/// A prohibited service sends nothing.
/// </summary>
[TestFixture]
public sealed class CallbackDeliveryTests
{
    private const double JobSeconds = 1;
    private static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    private static (ServiceDirectory Services, AsyncJobs Jobs) Install(string url, string prohibited = "FinalizeHPC")
    {
        var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        services.SetConfig("callback", "url", url);
        services.SetConfig("callback", "prohibited", prohibited);
        services.SetConfig("callback", "timeout", CallbackTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (services, new AsyncJobs(services));
    }

    /// <summary>Runs a LongProcess job; returns its id and how long its worker lived after the job's status was final.</summary>
    private static (string Id, TimeSpan WorkerAfterEnd) RunJob(ServiceDirectory services, AsyncJobs jobs)
    {
        var id = JobIdOf(CgiProcess.Post(services.Path, Xml20(JobSeconds, 1, "async")));
        var worker = jobs.WorkerPid(id);
        Assert.That(jobs.WaitUntilFinal(id).Status, Is.EqualTo("Succeeded"));
        var clock = Stopwatch.StartNew();
        Poll.Until(() => !ProcessTable.IsAlive(worker), CallbackTimeout + TimeSpan.FromSeconds(30), $"worker {worker} to exit");
        return (id, clock.Elapsed);
    }

    [Test]
    public void A_callback_service_that_is_down_holds_the_worker_no_longer_than_the_timeout()
    {
        var (services, jobs) = Install(CallbackServer.DownUrl());
        using (services)
        {
            var (_, after) = RunJob(services, jobs);

            Assert.That(after, Is.LessThan(CallbackTimeout + Margin));
        }
    }

    [Test]
    public void A_callback_service_that_never_answers_holds_the_worker_no_longer_than_the_timeout()
    {
        using var server = new CallbackServer(answers: false);
        var (services, jobs) = Install(server.Url);
        using (services)
        {
            var (_, after) = RunJob(services, jobs);

            Assert.That(after, Is.LessThan(CallbackTimeout + Margin));
        }
    }

    [Test]
    public void Calls_a_down_callback_service_never_took_are_logged_with_their_step()
    {
        var (services, jobs) = Install(CallbackServer.DownUrl());
        using (services)
        {
            var (id, _) = RunJob(services, jobs);

            var log = File.ReadAllText(Path.Combine(services.TmpPath, $"LongProcess_{id}_error.log"));
            Assert.That(log, Does.Contain("callback 0_0 (Analyze) lost").And.Contain("callback 6_0 (Finalize) lost"));
        }
    }

    [Test]
    public void A_prohibited_service_sends_nothing()
    {
        using var server = new CallbackServer();
        var (services, jobs) = Install(server.Url, prohibited: "FinalizeHPC,LongProcess,DeleteData");
        using (services)
        {
            RunJob(services, jobs);

            Assert.That(server.Received, Is.Empty);
        }
    }
}
