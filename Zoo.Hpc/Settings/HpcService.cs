using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Hpc.Settings;

/// <summary>
/// What a service's .zcfg says about running it on the cluster: the command (<c>serviceProvider</c>,
/// or an <c>entry-point</c> additional parameter, which replaces it), the optional <c>hpcModules</c>,
/// and the <c>confId</c> section holding its configurations.
/// </summary>
/// <param name="Command">
/// The command as words. ZOO pastes the text into the script, so an entry-point such as
/// <c>singularity exec img.sif /opt/bin/otbcli_BandMath</c> is several words; splitting on blanks keeps
/// that working while each word is still quoted, since a deployed process's entry-point may come
/// from a client.
/// </param>
public sealed record HpcService(string Name, IReadOnlyList<string> Command, string? HpcModules, string ConfId)
{
    public const string EntryPointParameter = "entry-point";

    /// <summary>The command as ZOO echoes it in the script (<c>Running service: [...]</c>).</summary>
    public string CommandText => string.Join(' ', Command);

    /// <exception cref="ConfigurationException">neither serviceProvider nor entry-point is set (ZOO crashes).</exception>
    public static HpcService From(ProcessDescription process)
    {
        var entryPoint = process.AdditionalParameters
            .LastOrDefault(p => p.Key.Equals(EntryPointParameter, StringComparison.OrdinalIgnoreCase)).Value;
        var command = entryPoint is { Length: > 0 } ? entryPoint : process.ServiceProvider;
        var words = (command ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            throw new ConfigurationException(
                $"{process.Name}.zcfg: serviceProvider is missing: an HPC service needs the command to run on the cluster");
        var confId = process.Keys["confId"] is { Length: > 0 } id ? id : HpcSettings.DefaultConfId;
        return new HpcService(process.Name, words, process.Keys["hpcModules"] is { Length: > 0 } m ? m : null, confId);
    }
}
