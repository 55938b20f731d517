using Zoo.Core.Callback;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Processes;

/// <summary>
/// What a runner gets: the service, ZOO's three maps (conf, inputs, outputs), and whom to tell about the steps
/// it goes through (the callback service of an asynchronous job; nobody otherwise).
/// </summary>
public sealed record ServiceRun(ServiceEntry Entry, ProcessDescription Process, ZooMaps Conf, ZooMaps Inputs, ZooMaps Outputs)
{
    public JobCallbacks Callbacks { get; init; } = JobCallbacks.None;

    /// <summary>
    /// What a runner calls when its outputs are near after a long wait (an HPC job told of its end), so that what will
    /// publish them gets ready meanwhile: GDAL's tools load while the outputs come. A synchronous run's start with it;
    /// calling this again, or for a run that publishes nothing, does nothing.
    /// </summary>
    public Action OutputsNear { get; init; } = static () => { };
}

/// <summary>
/// How a run ended: the code the service returned (3 succeeded, 4 failed; null when it returned none),
/// the conf and outputs as it left them, or why it could not run at all.
/// </summary>
public sealed record RunOutcome(int? Code, ZooMaps Conf, ZooMaps Outputs, string? Failure)
{
    public const int Succeeded = 3;
    public const int Failed = 4;
}
