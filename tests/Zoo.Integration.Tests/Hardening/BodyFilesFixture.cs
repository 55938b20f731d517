using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// A copy of cgi-env for one test class, with a directory in it for the large request bodies the class writes
/// (<see cref="BodyFiles"/>); the copy, bodies and all, is removed at the end.
/// </summary>
public abstract class BodyFilesFixture
{
    protected ServiceDirectory Services { get; private set; } = null!;

    /// <summary>Where the class's request bodies go.</summary>
    protected string Bodies { get; private set; } = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        Services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        Bodies = BodyFiles.DirectoryIn(Services);
        Prepare(Services);
    }

    /// <summary>Changes the copy before any test runs (main.cfg, directories of its own).</summary>
    protected virtual void Prepare(ServiceDirectory services)
    {
    }

    [OneTimeTearDown]
    public void RemoveServices() => Services.Dispose();
}
