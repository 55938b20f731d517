namespace Zoo.Hpc.Tests.TestSupport;

/// <summary>The files captured from the test cluster (TestData/README.md), copied beside the test assembly.</summary>
public static class TestData
{
    public static string PathOf(string relativePath) => Path.Combine(AppContext.BaseDirectory, "TestData", relativePath);

    public static string Text(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(PathOf(relativePath));
}
