namespace Zoo.Core.Configuration.Checking;

/// <summary>How much a finding of <c>--check-config</c> matters; only errors make the check fail.</summary>
public enum Severity
{
    /// <summary>The install will not work, or a part of it will fail every time it is used.</summary>
    Error,
    /// <summary>Probably a mistake, but the kernel works with it.</summary>
    Warning,
    /// <summary>Worth knowing: a default taken, a spelling accepted, a check that could not be made.</summary>
    Notice,
}
