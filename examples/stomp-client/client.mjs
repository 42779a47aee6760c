// Phakhi STOMP example client — no dependencies (Node 22+, or Node 20 with --experimental-websocket).
//
//   PHAKHI_TOKEN=phk_... node client.mjs ws://localhost:8080/ws net-<networkId> "สวัสดีจากสคริปต์"
//
// Connects with a personal API token (create one under the user menu → API tokens), subscribes to
// the room, sends one message with its own client id, prints every event of the room, and stops
// after 30 seconds. See docs/api.md.
import { randomUUID } from 'node:crypto';

const [url = 'ws://localhost:8080/ws', room, text] = process.argv.slice(2);
const token = process.env.PHAKHI_TOKEN;
if (!room || !token) {
  console.error('usage: PHAKHI_TOKEN=phk_... node client.mjs ws://host/ws <room id> ["message"]');
  process.exit(2);
}

const frame = (command, headers = {}, body = '') =>
  command + '\n' + Object.entries(headers).map(([k, v]) => `${k}:${v}`).join('\n') + '\n\n' + body + '\0';

function parse(data) {
  const [head, ...rest] = data.split('\n\n');
  const [command, ...lines] = head.split('\n');
  const headers = Object.fromEntries(lines.filter(Boolean).map(l => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
  return { command, headers, body: rest.join('\n\n').replace(/\0$/, '') };
}

const socket = new WebSocket(url, ['v12.stomp']);
socket.onopen = () => socket.send(frame('CONNECT', { 'accept-version': '1.2', host: 'phakhi', Authorization: `Bearer ${token}` }));
socket.onmessage = ({ data }) => {
  for (const raw of String(data).split('\0').filter(s => s.trim())) {
    const { command, headers, body } = parse(raw + '\0');
    if (command === 'CONNECTED') {
      console.log('connected as', headers['user-name'] ?? '(token user)');
      socket.send(frame('SUBSCRIBE', { id: 'room', destination: `/topic/rooms/${room}` }));
      socket.send(frame('SUBSCRIBE', { id: 'receipts', destination: '/user/queue/receipts' }));
      socket.send(frame('SUBSCRIBE', { id: 'errors', destination: '/user/queue/errors' }));
      if (text) {
        const payload = JSON.stringify({ clientId: randomUUID(), body: text });
        setTimeout(() => socket.send(frame('SEND', { destination: `/app/rooms/${room}/messages`, 'content-type': 'application/json' }, payload)), 300);
      }
    } else if (command === 'MESSAGE') {
      const event = JSON.parse(body);
      if (headers.subscription === 'room' && event.message) {
        console.log(`#${event.message.seq} ${event.message.senderName}: ${event.message.text ?? '(deleted)'}`);
      } else {
        console.log(headers.subscription, JSON.stringify(event));
      }
    } else if (command === 'ERROR') {
      console.error('ERROR', headers.message, body);
    }
  }
};
socket.onclose = e => { console.log('closed', e.code, e.reason); process.exit(0); };
setTimeout(() => { socket.send(frame('DISCONNECT')); socket.close(); }, 30_000);
