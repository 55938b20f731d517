namespace Zoo.Integration.Tests.Support;

/// <summary>Where the tests find the published CGIs, the OGC schemas and the repository's own files.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>dist/cgi-bin as build.sh assembles it; ZOO_DIST overrides.</summary>
    public static string Dist =>
        Environment.GetEnvironmentVariable("ZOO_DIST") is { Length: > 0 } dist ? dist : Path.Combine(Root, "dist", "cgi-bin");

    public static string ZooLoader => Path.Combine(Dist, "zoo_loader.cgi");

    public static string FinalizeHpc => Path.Combine(Dist, "FinalizeHPC.cgi");

    public static string Schemas =>
        Environment.GetEnvironmentVariable("ZOO_SCHEMAS") is { Length: > 0 } schemas
            ? schemas
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas"));

    public static string ZooExamples => Path.GetFullPath(Path.Combine(Root, "..", "shared", "zoo-examples"));

    public static string CgiEnv => Path.Combine(Root, "cgi-env");

    public static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ZooKernel.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ZooKernel.sln not found above " + AppContext.BaseDirectory);
    }
}
