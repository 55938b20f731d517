namespace Zoo.Hpc.Utilities;

/// <summary>Why DeleteData deleted nothing: the message its run fails with.</summary>
public sealed class DeleteDataException(string message) : Exception(message);
