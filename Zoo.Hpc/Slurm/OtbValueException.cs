namespace Zoo.Hpc.Slurm;

/// <summary>
/// A value from the request that the Orfeo ToolBox application would not read as the value sent (see
/// <see cref="OtbArgument"/>). It is the client's error, about one input, so the job fails with
/// InvalidParameterValue and that input as locator; an <see cref="ArgumentException"/>, because the job script
/// cannot be written, like every other refusal of <see cref="JobScript"/>.
/// </summary>
public sealed class OtbValueException(string inputName, string message) : ArgumentException(message)
{
    /// <summary>The input whose value was refused, the locator of the job's failure.</summary>
    public string InputName { get; } = inputName;
}
