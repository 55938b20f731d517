namespace Zoo.Core.Processes.Otb;

/// <summary>
/// A value from the request that the Orfeo ToolBox application would not read as the value sent (see
/// <see cref="OtbArgument"/>). It is the client's error, about one input, so the run fails with
/// InvalidParameterValue and that input as locator, whether the application runs here or on a cluster.
/// </summary>
public sealed class OtbValueException(string inputName, string message) : ArgumentException(message)
{
    /// <summary>The input whose value was refused, the locator of the run's failure.</summary>
    public string InputName { get; } = inputName;
}
