using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// The cluster directories a service directory's main.cfg names, each read when asked for (a test may have removed
/// another). They are read through this machine's file system: the test cluster is this machine and its user's home is
/// readable. Both sample configurations share them.
/// </summary>
internal sealed class RemoteDirectories(ServiceDirectory services, string section = "hpc-config-preview")
{
    public string Data => Directory("remote_data_path");

    public string Persistent => Directory("remote_persistent_data_path");

    public string Work => Directory("remote_work_path");

    private string Directory(string key) =>
        services.Config(section, key) ?? throw new AssertionException($"the main.cfg copy has no {key} in [{section}]");
}
