namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// One group of checks of <c>--check-config</c>. Zoo.Core's own check what the kernel reads for every install; the
/// CGI entry adds the checks of the runtimes it registers (HPC), as it registers their runners.
/// </summary>
public interface IConfigCheck
{
    /// <summary>Adds every problem found to <paramref name="findings"/>; throws only on a bug.</summary>
    Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken);
}
