namespace Zoo.Hpc;

/// <summary>Why an HPC job stopped (submission, waiting or collecting its outputs), with ZOO's text and exception code.</summary>
public sealed class HpcJobException(string message, string? code = null, string? locator = null) : Exception(message)
{
    public string? Code { get; } = code;
    public string? Locator { get; } = locator;
}
