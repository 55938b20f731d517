using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// A copy of cgi-env for one test class, with the jobs' helper; at the end every worker the class
/// left running is stopped before the copy is removed.
/// </summary>
public abstract class AsyncFixture
{
    protected ServiceDirectory Services { get; private set; } = null!;

    protected AsyncJobs Jobs { get; private set; } = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        Services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        Jobs = new AsyncJobs(Services);
        Prepare(Services);
    }

    /// <summary>Changes the copy before any test runs (a .zcfg, main.cfg).</summary>
    protected virtual void Prepare(ServiceDirectory services)
    {
    }

    [OneTimeTearDown]
    public void RemoveServices()
    {
        Jobs.KillAllWorkers();
        Services.Dispose();
    }

    protected CgiResult Get(string query) => CgiProcess.Get(Services.Path, query);

    protected CgiResult Post(string body) => CgiProcess.Post(Services.Path, body);
}
