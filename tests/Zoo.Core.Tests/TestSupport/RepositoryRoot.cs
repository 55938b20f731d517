namespace Zoo.Core.Tests.TestSupport;

/// <summary>The repository checkout the tests run from: the nearest folder above the test binaries holding ZooKernel.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZooKernel.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no ZooKernel.sln above {TestContext.CurrentContext.TestDirectory}");
    }

    public static string CgiEnv => Path.Combine(Find(), "cgi-env");
}
