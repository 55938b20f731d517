namespace Zoo.Hpc.Settings;

/// <summary>One <c>sbatch_options_&lt;Name&gt;=&lt;Value&gt;</c> key: the script line <c>#SBATCH --&lt;Name&gt;=&lt;Value&gt;</c>.</summary>
public sealed record SbatchOption(string Name, string Value);
