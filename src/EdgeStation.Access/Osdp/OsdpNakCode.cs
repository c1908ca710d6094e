namespace EdgeStation.Access.Osdp;

/// <summary>Why a peripheral refused a command (the first data byte of osdp_NAK).</summary>
public enum OsdpNakCode : byte
{
    None = 0x00,
    BadCheck = 0x01,
    BadLength = 0x02,
    UnknownCommand = 0x03,
    BadSequence = 0x04,
    UnsupportedSecurityBlock = 0x05,
    EncryptionRequired = 0x06,
    CannotProcess = 0x09,
}
