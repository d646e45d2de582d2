<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>CoverageView</name>
    <message>
        <source>Load required procedures (CSV)…</source>
        <translation>필수 절차 불러오기 (CSV)…</translation>
    </message>
    <message>
        <source>Use recorded workstations</source>
        <translation>녹화된 작업장 기준</translation>
    </message>
    <message>
        <source>Save heat map…</source>
        <translation>히트맵 저장…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>지식 현황</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>작업장</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>공정</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>절차</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>승인 비율</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>숙련자</translation>
    </message>
    <message>
        <source>Leaves on</source>
        <translation>퇴직 예정일</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>남은 일수</translation>
    </message>
    <message>
        <source>Only expert</source>
        <translation>유일한 숙련자</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>유실 위험</translation>
    </message>
    <message>
        <source>Set retirement date</source>
        <translation>퇴직 예정일 설정</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>숙련자</translation>
    </message>
    <message>
        <source>plans to retire on</source>
        <translation>퇴직 예정일</translation>
    </message>
    <message>
        <source>Knowledge at risk (its last expert leaves soonest first)</source>
        <translation>유실 위험 지식 (마지막 숙련자의 퇴직이 가까운 순)</translation>
    </message>
    <message>
        <source>Load required procedures</source>
        <translation>필수 절차 불러오기</translation>
    </message>
    <message>
        <source>Save heat map</source>
        <translation>히트맵 저장</translation>
    </message>
    <message>
        <source>Heat map saved to {0}</source>
        <translation>히트맵을 {0}에 저장했습니다</translation>
    </message>
    <message>
        <source>required procedures from {0}</source>
        <translation>{0}의 필수 절차</translation>
    </message>
    <message>
        <source>recorded workstations and processes</source>
        <translation>녹화된 작업장과 공정</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ({0}): {1} approved, {2} captured, {3} missing; {4} at risk</source>
        <translation>
            <numerusform>%n행 ({0}): 승인 {1}, 기록됨 {2}, 누락 {3}, 유실 위험 {4}</numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation>누락</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>기록됨</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <source>No retirement dates yet. Set when an expert plans to retire (below) to see which knowledge would leave with them.</source>
        <translation>아직 퇴직 예정일이 없습니다. 아래에서 숙련자의 퇴직 예정일을 설정하면 함께 사라질 지식이 보입니다.</translation>
    </message>
    <message>
        <source>Nothing at risk: what the retiring experts know is approved, or another expert without a date knows it too.</source>
        <translation>유실 위험 없음: 퇴직 예정 숙련자의 지식은 승인되었거나, 퇴직 예정이 없는 다른 숙련자도 알고 있습니다.</translation>
    </message>
    <message>
        <source>Required procedures</source>
        <translation>필수 절차</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <source>Approved</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <source>Reviewed or approved</source>
        <translation>검토 또는 승인됨</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>Clips + keyframes</source>
        <translation>클립 + 키프레임</translation>
    </message>
    <message>
        <source>Keyframes only</source>
        <translation>키프레임만</translation>
    </message>
    <message>
        <source>Text only</source>
        <translation>텍스트만</translation>
    </message>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>test</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Any workstation</source>
        <translation>모든 작업장</translation>
    </message>
    <message>
        <source>Any process</source>
        <translation>모든 공정</translation>
    </message>
    <message>
        <source>Any expert</source>
        <translation>모든 숙련자</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>모든 분류</translation>
    </message>
    <message>
        <source>Recorded from</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>to</source>
        <translation>종료일</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Which steps</source>
        <translation>내보낼 단계</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Plus a dataset card, a manifest, COIN and CrossTask views.</source>
        <translation>데이터셋 카드, 매니페스트, COIN·CrossTask 형식도 함께 만듭니다.</translation>
    </message>
    <message>
        <source>Licence (optional)</source>
        <translation>라이선스 (선택)</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>미디어</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>익명화</translation>
    </message>
    <message>
        <source>Blur faces</source>
        <translation>얼굴 흐리게</translation>
    </message>
    <message>
        <source>Drop audio</source>
        <translation>오디오 제외</translation>
    </message>
    <message>
        <source>Pseudonyms for experts; names and confidential terms redacted.</source>
        <translation>숙련자는 가명으로 바꾸고, 이름과 기밀 용어는 가립니다.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>개인정보 보호</translation>
    </message>
    <message>
        <source>By session</source>
        <translation>세션별</translation>
    </message>
    <message>
        <source>By expert</source>
        <translation>숙련자별</translation>
    </message>
    <message>
        <source>Splits (a session or an expert never straddles two)</source>
        <translation>데이터 분할 (한 세션이나 한 숙련자는 한 분할에만 들어갑니다)</translation>
    </message>
    <message>
        <source>Will be exported</source>
        <translation>내보낼 내용</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Encrypted bundle</source>
        <translation>암호화 번들</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Replace it if it exists</source>
        <translation>이미 있으면 덮어쓰기</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호 문구</translation>
    </message>
    <message>
        <source>Recipient key</source>
        <translation>수신자 키</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>암호 문구 다시 입력</translation>
    </message>
    <message>
        <source>khb-pub-… or a key file</source>
        <translation>khb-pub-… 또는 키 파일</translation>
    </message>
    <message>
        <source>Key file…</source>
        <translation>키 파일…</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>준비됨.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>{steps} from {sessions}&lt;br&gt;{hours} hours of recording ({time})</source>
        <translation>{sessions}의 {steps}&lt;br&gt;녹화 {hours}시간 ({time})</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;font-size:20pt; font-weight:bold&apos;&gt;%n&lt;/span&gt; step(s)</source>
        <translation>
            <numerusform>단계 &lt;span style=&apos;font-size:20pt; font-weight:bold&apos;&gt;%n&lt;/span&gt;개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; session(s)</source>
        <translation>
            <numerusform>세션 &lt;b&gt;%n&lt;/b&gt;개</numerusform>
        </translation>
    </message>
    <message>
        <source>No step matches this selection. Approve steps in Review, or choose another status or fewer filters.</source>
        <translation>선택 조건에 맞는 단계가 없습니다. 검토 화면에서 단계를 승인하거나, 다른 상태를 고르거나 필터를 줄이세요.</translation>
    </message>
    <message>
        <source>type a folder or press Choose…</source>
        <translation>폴더를 입력하거나 [선택…]을 누르세요</translation>
    </message>
    <message>
        <source>Cannot export: {error}.</source>
        <translation>내보낼 수 없습니다: {error}.</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>{path}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>paste the recipient&apos;s public key (khb-pub-…) or choose its key file</source>
        <translation>수신자의 공개 키(khb-pub-…)를 붙여 넣거나 키 파일을 선택하세요</translation>
    </message>
    <message>
        <source>type a passphrase for the bundle, twice</source>
        <translation>번들 암호 문구를 두 번 입력하세요</translation>
    </message>
    <message>
        <source>the two passphrases differ; type them again</source>
        <translation>두 암호 문구가 다릅니다. 다시 입력하세요</translation>
    </message>
    <message>
        <source>Bundle written</source>
        <translation>번들 저장 완료</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>내보내기 완료</translation>
    </message>
    <message>
        <source>{steps} from {sessions} ({splits}), {time} of recording, {files} with the manifest</source>
        <translation>{sessions}의 {steps} ({splits}), 녹화 {time}, 매니페스트 포함 {files}</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; step(s)</source>
        <translation>
            <numerusform>단계 &lt;b&gt;%n&lt;/b&gt;개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>파일 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n face(s) blurred</source>
        <translation>
            <numerusform>, 얼굴 %n개 흐림 처리</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n name(s) and term(s) redacted</source>
        <translation>
            <numerusform>, 이름·용어 %n개 가림</numerusform>
        </translation>
    </message>
    <message>
        <source>in {path}</source>
        <translation>위치: {path}</translation>
    </message>
    <message>
        <source>Encrypted and authenticated; the receiver&apos;s import checks every file.</source>
        <translation>암호화 및 인증되었습니다. 받는 쪽에서 가져올 때 모든 파일을 확인합니다.</translation>
    </message>
    <message>
        <source>✓ Verified:</source>
        <translation>✓ 검증 완료:</translation>
    </message>
    <message numerus="yes">
        <source>all %n file(s) match the manifest.</source>
        <translation>
            <numerusform>파일 %n개 모두 매니페스트와 일치합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ Verify failed:</source>
        <translation>✗ 검증 실패:</translation>
    </message>
    <message>
        <source>Show bundle</source>
        <translation>번들 보기</translation>
    </message>
    <message>
        <source>Bundle file (.khb)</source>
        <translation>번들 파일 (.khb)</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>내보낼 폴더</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>번들 저장</translation>
    </message>
    <message>
        <source>Know-how bundle (*{suffix})</source>
        <translation>노하우 번들 (*{suffix})</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>내보낼 폴더 선택</translation>
    </message>
    <message>
        <source>Recipient&apos;s public key</source>
        <translation>수신자 공개 키</translation>
    </message>
    <message>
        <source>Done in {seconds} s.</source>
        <translation>{seconds}초 만에 완료.</translation>
    </message>
    <message>
        <source>The export in {path} does not match its manifest: {problems}</source>
        <translation>{path}의 내보내기 결과가 매니페스트와 맞지 않습니다: {problems}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n step(s) to {path}</source>
        <translation>
            <numerusform>단계 %n개를 {path}(으)로 내보냈습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed (see the message); nothing was written.</source>
        <translation>내보내기에 실패했습니다(메시지 참고). 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>내보내기를 취소했습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>FrameView</name>
    <message>
        <source>No video</source>
        <translation>영상 없음</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>{0}/{1} approved</source>
        <translation>{1}개 중 {0}개 승인</translation>
    </message>
    <message>
        <source>, {0} missing</source>
        <translation>, {0}개 누락</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), {0} h</source>
        <translation>
            <numerusform>세션 %n개, {0}시간</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing recorded yet: the map fills as sessions are imported.</source>
        <translation>아직 기록이 없습니다. 세션을 가져오면 지도가 채워집니다.</translation>
    </message>
</context>
<context>
    <name>IngestQueue</name>
    <message>
        <source>Cannot import: {reason}.</source>
        <translation>가져올 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>{name} 가져오기</translation>
    </message>
    <message numerus="yes">
        <source>ready: %n step(s)</source>
        <translation>
            <numerusform>완료: 단계 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IngestRow</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Drop video or audio files here, or use Import…</source>
        <translation>영상이나 음성 파일을 여기에 끌어다 놓거나 [가져오기…]를 누르세요</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>No sessions yet: record one, or import a video.</source>
        <translation>아직 세션이 없습니다. 녹화하거나 영상을 가져오세요.</translation>
    </message>
    <message>
        <source>Review selected session</source>
        <translation>선택한 세션 검토</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>가져오기 진행</translation>
    </message>
    <message>
        <source>Import recordings</source>
        <translation>녹화 파일 가져오기</translation>
    </message>
    <message>
        <source>Video and audio ({patterns});;All files (*)</source>
        <translation>영상 및 음성 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Only files on this computer can be imported.</source>
        <translation>이 컴퓨터에 있는 파일만 가져올 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Recording unavailable: {error}</source>
        <translation>녹화를 사용할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Export unavailable: {error}</source>
        <translation>내보내기를 사용할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>녹화</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>지식 현황</translation>
    </message>
    <message>
        <source>Know-how Capture — {library}</source>
        <translation>노하우 캡처 — {library}</translation>
    </message>
    <message>
        <source>{view} unavailable: {error}</source>
        <translation>{view} 화면을 사용할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Library: {library}</source>
        <translation>라이브러리: {library}</translation>
    </message>
    <message>
        <source>Recording saved; importing {name} in the background.</source>
        <translation>녹화를 저장했습니다. {name}을(를) 백그라운드에서 가져오는 중입니다.</translation>
    </message>
    <message>
        <source>Look for unfinished recordings</source>
        <translation>끝나지 않은 녹화 찾기</translation>
    </message>
    <message>
        <source>Recovering {title}…</source>
        <translation>{title} 복구 중…</translation>
    </message>
    <message>
        <source>Recover {title}</source>
        <translation>{title} 복구</translation>
    </message>
    <message>
        <source>Cannot discard {title}: {error}</source>
        <translation>{title}을(를) 버릴 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Discarded the recording &apos;{title}&apos; (its files stay in {folder}).</source>
        <translation>녹화 &apos;{title}&apos;을(를) 버렸습니다(파일은 {folder}에 남아 있습니다).</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Next step</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>요령</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>주의</translation>
    </message>
    <message>
        <source>about {hours} h</source>
        <translation>약 {hours}시간</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>약 {minutes}분</translation>
    </message>
    <message>
        <source>Starting camera…</source>
        <translation>카메라 시작 중…</translation>
    </message>
    <message>
        <source>Sound level</source>
        <translation>소리 크기</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>소리</translation>
    </message>
    <message>
        <source>Optional note, then Enter</source>
        <translation>메모(선택) 입력 후 Enter</translation>
    </message>
    <message>
        <source>Undo marker</source>
        <translation>표시 취소</translation>
    </message>
    <message>
        <source>● Start recording</source>
        <translation>● 녹화 시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 정지</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>카메라를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>{problem}: recording from the generated test source instead.</source>
        <translation>{problem}: 대신 생성된 테스트 소스로 녹화합니다.</translation>
    </message>
    <message>
        <source>Source: {name} · {width}×{height} @ {fps} fps</source>
        <translation>소스: {name} · {width}×{height} @ {fps}fps</translation>
    </message>
    <message>
        <source>Tick the consent box first: the expert must agree to be recorded.</source>
        <translation>먼저 동의란에 체크하세요. 숙련자가 녹화에 동의해야 합니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>The recording could not be finished: {error}</source>
        <translation>녹화를 마무리하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장됨</translation>
    </message>
    <message numerus="yes">
        <source>Recording saved ({duration}, %n marker(s)); queued for processing.</source>
        <translation>
            <numerusform>녹화를 저장했습니다({duration}, 표시 %n개). 처리 대기열에 넣었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note for {marker} {time}…</source>
        <translation>{marker} {time} 메모…</translation>
    </message>
    <message>
        <source>Exit full screen</source>
        <translation>전체 화면 끝내기</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>● REC</source>
        <translation>● 녹화 중</translation>
    </message>
    <message>
        <source>❚❚ Paused</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
    <message>
        <source>The capture source stopped: {error}</source>
        <translation>촬영 소스가 멈췄습니다: {error}</translation>
    </message>
    <message>
        <source>Only {share} % of the sound reaches the recording: the narration is being lost. Check the microphone, or stop and choose another.</source>
        <translation>소리가 {share}%만 녹음되고 있어 설명이 빠지고 있습니다. 마이크를 확인하거나, 녹화를 멈추고 다른 마이크를 고르세요.</translation>
    </message>
    <message>
        <source>Disk: {free} free, room for {span}</source>
        <translation>디스크: {free} 남음, {span} 녹화 가능</translation>
    </message>
    <message>
        <source>The disk is nearly full: {free} left, {span} of recording. Free space or stop soon.</source>
        <translation>디스크가 거의 찼습니다: {free} 남음, {span} 녹화 가능. 공간을 비우거나 곧 녹화를 멈추세요.</translation>
    </message>
    <message>
        <source>The disk is full: the recording was stopped and saved.</source>
        <translation>디스크가 가득 찼습니다. 녹화를 멈추고 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Tap again to discard</source>
        <translation>한 번 더 누르면 버립니다</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished recording(s) found: {title}, {duration}</source>
        <translation>
            <numerusform>끝나지 않은 녹화 %n개 발견: {title}, {duration}</numerusform>
        </translation>
    </message>
    <message>
        <source> (saved, not imported yet)</source>
        <translation> (저장됨, 아직 가져오지 않음)</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>no picture</source>
        <translation>사진 없음</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>{number}단계</translation>
    </message>
    <message>
        <source>▶ Watch</source>
        <translation>▶ 보기</translation>
    </message>
</context>
<context>
    <name>ReviewEdit</name>
    <message>
        <source>Redo {edit}</source>
        <translation>다시 실행: {edit}</translation>
    </message>
    <message>
        <source>Undo {edit}</source>
        <translation>실행 취소: {edit}</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>↶ Undo</source>
        <translation>↶ 실행 취소</translation>
    </message>
    <message>
        <source>↷ Redo</source>
        <translation>↷ 다시 실행</translation>
    </message>
    <message>
        <source>Your name, recorded with each approval and printed on sheets</source>
        <translation>내 이름: 승인할 때마다 기록되고 작업표에 인쇄됩니다</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>검토자</translation>
    </message>
    <message>
        <source>✂ Split at playhead</source>
        <translation>✂ 현재 위치에서 나누기</translation>
    </message>
    <message>
        <source>⇥ Merge with next</source>
        <translation>⇥ 다음 단계와 합치기</translation>
    </message>
    <message>
        <source>Tap a step to edit it; drag the dark grips to move a step&apos;s edge.</source>
        <translation>단계를 누르면 편집할 수 있고, 검은 손잡이를 끌면 단계 경계를 옮길 수 있습니다.</translation>
    </message>
    <message>
        <source>No step selected</source>
        <translation>선택한 단계 없음</translation>
    </message>
    <message>
        <source>comma separated, e.g. torque wrench, 19 mm socket</source>
        <translation>쉼표로 구분, 예: 토크 렌치, 19mm 소켓</translation>
    </message>
    <message>
        <source>one tip per line</source>
        <translation>한 줄에 요령 하나</translation>
    </message>
    <message>
        <source>one warning per line</source>
        <translation>한 줄에 주의 하나</translation>
    </message>
    <message>
        <source>why: because…, so that…, otherwise…</source>
        <translation>이유: …때문에, …하도록, 그렇지 않으면…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>공구</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>요령</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>주의</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>변경 저장</translation>
    </message>
    <message>
        <source>Step reviewed</source>
        <translation>단계 검토 완료</translation>
    </message>
    <message>
        <source>✔ Approve step</source>
        <translation>✔ 단계 승인</translation>
    </message>
    <message>
        <source>Procedure reviewed</source>
        <translation>절차 검토 완료</translation>
    </message>
    <message>
        <source>✔ Approve whole procedure</source>
        <translation>✔ 절차 전체 승인</translation>
    </message>
    <message>
        <source>Print / save as sheet…</source>
        <translation>작업표 인쇄 / 저장…</translation>
    </message>
    <message>
        <source>Transcript (tap a word to jump there)</source>
        <translation>녹취록 (단어를 누르면 그 위치로 이동)</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>unknown expert</source>
        <translation>숙련자 미상</translation>
    </message>
    <message>
        <source>Choose a session to review</source>
        <translation>검토할 세션을 고르세요</translation>
    </message>
    <message>
        <source>No sessions yet: record one, or import a video in Library</source>
        <translation>아직 세션이 없습니다. 녹화하거나 라이브러리에서 영상을 가져오세요</translation>
    </message>
    <message>
        <source>Step {number} of {count} · {start}–{end}</source>
        <translation>{count}단계 중 {number}단계 · {start}–{end}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Edit step {number}</source>
        <translation>{number}단계 편집</translation>
    </message>
    <message>
        <source>Mark step {number} {status}</source>
        <translation>{number}단계를 &apos;{status}&apos;(으)로 표시</translation>
    </message>
    <message>
        <source>Split step {number} at {time}</source>
        <translation>{number}단계를 {time}에서 나누기</translation>
    </message>
    <message>
        <source>Merge step {number} with the next</source>
        <translation>{number}단계를 다음 단계와 합치기</translation>
    </message>
    <message>
        <source>Move the end of step {number} to {time}</source>
        <translation>{number}단계의 끝을 {time}(으)로 옮기기</translation>
    </message>
    <message>
        <source>Mark the whole procedure {status}</source>
        <translation>절차 전체를 &apos;{status}&apos;(으)로 표시</translation>
    </message>
    <message>
        <source>Save sheet</source>
        <translation>작업표 저장</translation>
    </message>
    <message>
        <source>Save work-instruction sheet</source>
        <translation>작업 지도서 저장</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF 문서 (*.pdf);;HTML 문서 (*.html)</translation>
    </message>
    <message>
        <source>revision {0}</source>
        <translation>개정 {0}</translation>
    </message>
    <message>
        <source>draft, not approved</source>
        <translation>초안, 미승인</translation>
    </message>
    <message>
        <source>Sheet saved to {0} ({1})</source>
        <translation>작업표를 {0}에 저장했습니다 ({1})</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>모든 변경 사항 저장됨</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Ask in plain words, e.g. “how do I lock out the press?”</source>
        <translation>평소 말로 물어보세요. 예: “프레스 잠금은 어떻게 해?”</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Approved only</source>
        <translation>승인된 것만</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>작업장</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>숙련자</translation>
    </message>
    <message>
        <source>Type a question and press Search.</source>
        <translation>질문을 입력하고 [검색]을 누르세요.</translation>
    </message>
    <message>
        <source>Pick a result to watch it</source>
        <translation>결과를 골라 영상을 보세요</translation>
    </message>
    <message>
        <source>Any workstation</source>
        <translation>모든 작업장</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>모든 분류</translation>
    </message>
    <message>
        <source>Any expert</source>
        <translation>모든 숙련자</translation>
    </message>
    <message>
        <source>Search “{query}”</source>
        <translation>“{query}” 검색</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>{number}단계</translation>
    </message>
    <message>
        <source>⚠ Warning:</source>
        <translation>⚠ 주의:</translation>
    </message>
    <message>
        <source>★ Tip:</source>
        <translation>★ 요령:</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) found for “{query}”</source>
        <translation>
            <numerusform>“{query}”에 맞는 단계 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>The library has no steps to search yet: record a session, or import a video in Library.</source>
        <translation>라이브러리에 아직 검색할 단계가 없습니다. 세션을 녹화하거나 라이브러리에서 영상을 가져오세요.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”. Try other words or fewer filters.</source>
        <translation>“{query}”에 맞는 결과가 없습니다. 다른 말로 묻거나 필터를 줄여 보세요.</translation>
    </message>
    <message>
        <source>The search failed (see the message).</source>
        <translation>검색에 실패했습니다(메시지 참고).</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>e.g. Die change, press 4</source>
        <translation>예: 금형 교체, P4</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>숙련자</translation>
    </message>
    <message>
        <source>Name of the person recording</source>
        <translation>녹화하는 사람 이름</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>작업장</translation>
    </message>
    <message>
        <source>e.g. P4</source>
        <translation>예: P4</translation>
    </message>
    <message>
        <source>Line / process</source>
        <translation>라인 / 공정</translation>
    </message>
    <message>
        <source>e.g. Stamping line 2</source>
        <translation>예: 프레스 2라인</translation>
    </message>
    <message>
        <source>New recording</source>
        <translation>새 녹화</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>마이크</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>화질</translation>
    </message>
    <message>
        <source>The expert agrees to be recorded</source>
        <translation>숙련자가 녹화에 동의함</translation>
    </message>
    <message>
        <source>Recording cannot start without consent.</source>
        <translation>동의 없이는 녹화를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>No camera: generated source</source>
        <translation>카메라 없음: 생성 소스</translation>
    </message>
    <message>
        <source>Media file as camera</source>
        <translation>미디어 파일을 카메라로 사용</translation>
    </message>
    <message>
        <source>Sound of the source</source>
        <translation>소스의 소리</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>숙련자</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>작업장</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>녹화 일시</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>−5 s</source>
        <translation>−5초</translation>
    </message>
    <message>
        <source>+5 s</source>
        <translation>+5초</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Cannot play {path}: the file is missing or not a playable video.</source>
        <translation>{path}을(를) 재생할 수 없습니다. 파일이 없거나 재생할 수 없는 영상입니다.</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
</context>
<context>
    <name>category</name>
    <message>
        <source>setup</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>safety</source>
        <translation>안전</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>inspection</source>
        <translation>점검</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>조정</translation>
    </message>
    <message>
        <source>troubleshooting</source>
        <translation>문제 해결</translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation>정리</translation>
    </message>
</context>
<context>
    <name>excepthook</name>
    <message>
        <source>Unexpected error ({kind}: {error}). Details were written to the log in {folder}.</source>
        <translation>예상하지 못한 오류입니다({kind}: {error}). 자세한 내용은 {folder}의 로그에 기록했습니다.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>(no details)</source>
        <translation>(자세한 내용 없음)</translation>
    </message>
    <message>
        <source>Know-how Capture</source>
        <translation>노하우 캡처</translation>
    </message>
</context>
<context>
    <name>recording</name>
    <message>
        <source>the expert&apos;s consent is required before recording</source>
        <translation>녹화 전에 숙련자의 동의가 필요합니다</translation>
    </message>
    <message>
        <source>cannot start: recording is {state}</source>
        <translation>시작할 수 없습니다: 녹화 상태가 {state}입니다</translation>
    </message>
    <message>
        <source>not enough free disk space to record ({mb} MB left)</source>
        <translation>녹화할 디스크 공간이 부족합니다({mb}MB 남음)</translation>
    </message>
    <message>
        <source>cannot start recording in {folder}: {error}</source>
        <translation>{folder}에서 녹화를 시작할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>unknown marker kind &apos;{kind}&apos;</source>
        <translation>알 수 없는 표시 종류 &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>markers can only be set while recording</source>
        <translation>표시는 녹화 중에만 할 수 있습니다</translation>
    </message>
    <message>
        <source>the recording has already finished</source>
        <translation>녹화가 이미 끝났습니다</translation>
    </message>
    <message>
        <source>not recording</source>
        <translation>녹화 중이 아닙니다</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>the interrupted recording &apos;{title}&apos; holds no playable media</source>
        <translation>중단된 녹화 &apos;{title}&apos;에 재생할 수 있는 내용이 없습니다</translation>
    </message>
    <message>
        <source>the interrupted recording &apos;{title}&apos; cannot be read: {error}</source>
        <translation>중단된 녹화 &apos;{title}&apos;을(를) 읽을 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <source>no camera found</source>
        <translation>카메라를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>camera {name} failed: {error}</source>
        <translation>카메라 {name} 오류: {error}</translation>
    </message>
    <message>
        <source>{name} is already running</source>
        <translation>{name}이(가) 이미 실행 중입니다</translation>
    </message>
    <message>
        <source>Generated test source</source>
        <translation>생성된 테스트 소스</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>파일: {name}</translation>
    </message>
    <message>
        <source>{name} has no video to record from</source>
        <translation>{name}에는 녹화할 영상이 없습니다</translation>
    </message>
    <message>
        <source>cannot open {name} as a capture source: {error}</source>
        <translation>{name}을(를) 촬영 소스로 열 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>transcribing</source>
        <translation>받아쓰는 중</translation>
    </message>
    <message>
        <source>segmenting</source>
        <translation>단계 나누는 중</translation>
    </message>
    <message>
        <source>keyframes</source>
        <translation>키프레임 추출 중</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>색인 중</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>검토 필요</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>제안됨</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>검토됨</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>미완료</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <source>probe</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>transcribe</source>
        <translation>받아쓰기</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>단계 나누기</translation>
    </message>
    <message>
        <source>keyframes</source>
        <translation>키프레임</translation>
    </message>
    <message>
        <source>embed</source>
        <translation>색인</translation>
    </message>
    <message>
        <source>decode</source>
        <translation>디코딩</translation>
    </message>
    <message>
        <source>visual</source>
        <translation>화면 분석</translation>
    </message>
    <message>
        <source>hashing</source>
        <translation>파일 확인 중</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작하는 중</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>already in the library</source>
        <translation>이미 라이브러리에 있음</translation>
    </message>
    <message>
        <source>{name} does not exist</source>
        <translation>{name}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{name} is a folder, not a video or audio file</source>
        <translation>{name}은(는) 폴더입니다. 영상이나 음성 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{name} is not a video or audio file (use {kinds}, …)</source>
        <translation>{name}은(는) 영상이나 음성 파일이 아닙니다({kinds} 등을 사용하세요)</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>Re-index the library</source>
        <translation>라이브러리 다시 색인</translation>
    </message>
    <message>
        <source>Update the search index</source>
        <translation>검색 색인 갱신</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
</context>
</TS>
