using Zoo.Core.Configuration;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Utilities;

/// <summary>Every HPC helper service this kernel has built in, in one runner.</summary>
public static class HpcUtilities
{
    public static HpcUtilityRunner Runner(MainConfig config, TextWriter log) => new(
    [
        new FinalizeUtility(config, log),
        new DeleteDataUtility(config, log),
        new DeployOnHpcUtility(config, log, new ClusterConnectionFactory()),
    ]);
}
