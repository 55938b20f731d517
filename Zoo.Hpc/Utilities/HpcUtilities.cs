using Zoo.Core.Configuration;
using Zoo.Core.Processes;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Utilities;

/// <summary>Every HPC helper service this kernel has built in, in one runner.</summary>
public static class HpcUtilities
{
    /// <param name="others">What runs every other C service; none refuses them.</param>
    public static HpcUtilityRunner Runner(MainConfig config, TextWriter log, IProcessRunner? others = null) => new(
    [
        new FinalizeUtility(config, log),
        new DeleteDataUtility(config, log),
        new DeployOnHpcUtility(config, log, new ClusterConnectionFactory()),
    ], others);
}
