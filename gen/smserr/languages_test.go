package smserr_test

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/errspec/errspec/gen/smserr"
)

// codes2018 are the codes of the vendor's English page of 2018, the first
// table smserr shipped: every one keeps its constant, and its English text.
var codes2018 = []smserr.Code{
	smserr.CodeOK, smserr.CodeRAMPermissionDeny, smserr.CodeOutOfService, smserr.CodeProductUnSubscript,
	smserr.CodeAccountNotExists, smserr.CodeAccountAbnormal, smserr.CodeSMSContentcodeIllegal,
	smserr.CodeInvalidParameters, smserr.CodeSystemError, smserr.CodePhoneNumberIllegal,
	smserr.CodePhoneNumberCountOverLimit, smserr.CodeTemplateMissingParameters, smserr.CodeBusinessLimitControl,
	smserr.CodeInvalidJSONParam, smserr.CodeBlackKeyControlLimit, smserr.CodeParamLengthLimit,
	smserr.CodeAmountNotEnough, smserr.CodeNotSupportedCountry, smserr.CodeRAMCheckFailed,
	smserr.CodeSystemLimitControl, smserr.CodeDayLimitControl, smserr.CodeMonthLimitControl,
	smserr.CodeForbiddenAction, smserr.CodeSignatureDoesNotMatch, smserr.CodeInvalidTimeStampExpired,
	smserr.CodeSignatureNonceUsed, smserr.CodeInvalidVersion, smserr.CodeInvalidActionNotFound,
}

// dropped are the 2018 codes the live table no longer lists: kept, and
// deprecated.
var dropped = []smserr.Code{
	smserr.CodeSMSContentcodeIllegal, smserr.CodePhoneNumberIllegal, smserr.CodePhoneNumberCountOverLimit,
	smserr.CodeNotSupportedCountry, smserr.CodeRAMCheckFailed, smserr.CodeSystemLimitControl,
	smserr.CodeForbiddenAction,
}

// TestLiveTable checks the table as the live Chinese page and the 2018
// English page together make it: 95 codes; Chinese text for the 88 the
// live page lists, English for the 28 of 2018; the 7 the live page dropped
// deprecated; and Message in English where the 2018 page gave it.
func TestLiveTable(t *testing.T) {
	var rows, zh, en int
	for info := range smserr.All() {
		rows++
		if _, ok := smserr.Lookup(string(info.Code)); !ok {
			t.Errorf("Lookup(%q) finds nothing", info.Code)
		}
		zm, zs, zok := info.Text("zh")
		em, es, eok := info.Text("en")
		if zok {
			zh++
		}
		if eok {
			en++
			if info.Message != em || info.Solution != es {
				t.Errorf("%s: Message, Solution = %q, %q; want the English %q, %q", info.Code, info.Message, info.Solution, em, es)
			}
		} else if info.Message != zm || info.Solution != zs {
			t.Errorf("%s: Message, Solution = %q, %q; want the Chinese %q, %q", info.Code, info.Message, info.Solution, zm, zs)
		}
		if deprecated := info.Deprecated != ""; deprecated == zok || deprecated != slices.Contains(dropped, info.Code) {
			t.Errorf("%s: deprecated %q, Chinese text %v: the live table's codes are current, the dropped ones deprecated", info.Code, info.Deprecated, zok)
		}
	}
	if rows != 95 || zh != 88 || en != 28 {
		t.Errorf("%d codes, %d with Chinese text, %d with English; want 95, 88, 28", rows, zh, en)
	}
	for _, c := range codes2018 {
		info, ok := c.Info()
		if _, _, en := info.Text("en"); !ok || !en {
			t.Errorf("%s: the 2018 code is missing, or lost its English", c)
		}
	}
	if info, _ := smserr.Lookup("isv.MOBILE_NUMBER_ILLEGAL"); !strings.Contains(info.Message, "手机号码") {
		t.Errorf("isv.MOBILE_NUMBER_ILLEGAL: Message %q; want the live table's Chinese", info.Message)
	}
}

// TestInfoSize: Info grows by HTTPStatus alone (8 bytes on 64-bit
// platforms) over the 120 bytes it had; each language's text lives beside
// the table, not in Info, so Lookup copies no more than that.
func TestInfoSize(t *testing.T) {
	if size := unsafe.Sizeof(smserr.Info{}); size > 120+unsafe.Sizeof(int(0)) {
		t.Errorf("Info is %d bytes, want at most %d", size, 120+unsafe.Sizeof(int(0)))
	}
}
