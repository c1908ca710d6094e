namespace EdgeStation.Sync.Bundle;

/// <summary>Why a station bundle was refused.</summary>
public enum BundleProblem
{
    /// <summary>Not JSON, a field missing, or a certificate or key that does not parse.</summary>
    Malformed,
    /// <summary>Another kind of file, or a bundle format this build does not know.</summary>
    UnknownFormat,
    /// <summary>The CA's signature does not cover what the file says: changed after it was issued.</summary>
    BadSignature,
    /// <summary>The station certificate was not issued by the bundle's CA, or is not valid now.</summary>
    NotIssuedByCa,
    /// <summary>The private key is not the certificate's.</summary>
    KeyMismatch,
    /// <summary>A sound bundle, but for another station than the one being provisioned.</summary>
    WrongStation,
}
